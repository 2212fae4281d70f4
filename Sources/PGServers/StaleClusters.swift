import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reclaims the `replint-pg-*` directories a replint that died (SIGKILL, a
/// crash, a lost machine) left behind. Each cluster directory names its
/// owner, a process identified by pid *and* start time (a pid alone may have
/// been reused since); a directory is stale when its owner is gone and no
/// server runs in it any more. A server still running for a dead owner (one
/// started through runuser, which has no death signal) is stopped first.
enum StaleClusters {
    static let prefix = "replint-pg-"
    static let ownerFile = "owner"
    /// A directory without an owner file is left this long: it may be one a
    /// replint is creating right now, or one an older replint still uses.
    static let unclaimedGraceSeconds = 600

    /// Writes the owner file into a new cluster directory.
    static func claim(_ directory: String) throws {
        unlink("\(directory)/\(ownerFile)")
        try FileSystem.append("\(getpid()) \(ProcessStart.of(getpid()) ?? "")\n", to: "\(directory)/\(ownerFile)")
    }

    /// Removes every stale cluster directory in `parent`; returns their paths.
    @discardableResult
    static func sweep(in parent: String) -> [String] {
        var removed: [String] = []
        for name in FileSystem.entries(of: parent) ?? [] where name.hasPrefix(prefix) {
            let directory = "\(parent)/\(name)"
            guard isAbandoned(directory) else { continue }
            if let postmaster = RunningServer.postmaster(of: "\(directory)/data") {
                guard RunningServer.stop(postmaster, dataDirectory: "\(directory)/data") else { continue }
            }
            if FileSystem.removeTree(directory) { removed.append(directory) }
        }
        return removed
    }

    /// Its owner is gone (or, without an owner file, nothing has touched it
    /// for `unclaimedGraceSeconds` and no server runs in it).
    static func isAbandoned(_ directory: String) -> Bool {
        let owner = FileSystem.contents(of: "\(directory)/\(ownerFile)") ?? ""
        let fields = owner.split(whereSeparator: { $0 == " " || $0 == "\n" })
        // No owner yet, or one `claim` is writing this instant (the file is
        // created empty): the directory may be a cluster starting right now.
        guard let pidText = fields.first, let pid = pid_t(pidText) else {
            return RunningServer.postmaster(of: "\(directory)/data") == nil
                && [directory, "\(directory)/data", "\(directory)/\(ownerFile)"]
                    .allSatisfy { secondsSinceModified($0).map { $0 > unclaimedGraceSeconds } ?? true }
        }
        let start = fields.dropFirst().first.map(String.init)
        guard let running = ProcessStart.of(pid) else { return true }
        return start != nil && running != start
    }

    private static func secondsSinceModified(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return time(nil) - info.st_mtim.tv_sec
    }
}

/// A process's start time in clock ticks since boot (field 22 of
/// /proc/PID/stat): with the pid, it names one process for good.
enum ProcessStart {
    static func of(_ pid: pid_t) -> String? {
        guard let stat = FileSystem.contents(of: "/proc/\(pid)/stat"),
              let afterName = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name, which may itself hold spaces and parentheses, start at field 3.
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }
}

/// The postmaster working in a data directory, found through its
/// postmaster.pid and confirmed by the process's working directory, so an
/// unrelated process that reused the pid is never touched.
enum RunningServer {
    static func postmaster(of dataDirectory: String) -> pid_t? {
        guard let text = FileSystem.contents(of: "\(dataDirectory)/postmaster.pid"),
              let first = text.split(separator: "\n").first, let pid = pid_t(first), pid > 0,
              let data = FileSystem.realPath(dataDirectory),
              FileSystem.realPath("/proc/\(pid)/cwd") == data else { return nil }
        return pid
    }

    /// SIGKILL, then up to 5 s for it to go; true once it has.
    static func stop(_ pid: pid_t, dataDirectory: String) -> Bool {
        kill(pid, SIGKILL)
        for _ in 0..<100 {
            if postmaster(of: dataDirectory) != pid { return true }
            usleep(50_000)
        }
        return false
    }
}
