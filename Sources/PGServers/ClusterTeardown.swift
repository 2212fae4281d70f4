import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Stops an ephemeral cluster's server and removes its directory, once.
/// Separate from `EphemeralCluster` so the SignalTrap can hold it strongly
/// without keeping the cluster alive, and so a half-started cluster (no
/// EphemeralCluster object yet) is torn down by the same code.
final class ClusterTeardown: Sendable {
    let directory: String
    let dataDirectory: String
    private let pgCtl: String
    private let account: ServerAccount?
    private struct Progress {
        var finished = false
        var signalToken: SignalTrap.Token?
    }
    /// `run()` holds it throughout, so a second caller waits for the first.
    private let progress = Mutex(Progress())
    private struct Child {
        var tornDown = false
        /// The process group of the initdb or pg_ctl now running, if any.
        var runningGroup: pid_t?
    }
    /// Separate from `progress` because a child reports its pid while
    /// `run()` may wait.
    private let child = Mutex(Child())

    init(directory: String, dataDirectory: String, pgCtl: String, account: ServerAccount?) {
        self.directory = directory
        self.dataDirectory = dataDirectory
        self.pgCtl = pgCtl
        self.account = account
    }

    /// Arms the teardown for SIGINT/SIGTERM.
    func registerWithSignalTrap() {
        let token = SignalTrap.shared.register { [self] in run() }
        progress.withLock { $0.signalToken = token }
    }

    /// Runs a setup step (initdb, pg_ctl start) so that a teardown from
    /// another thread (SIGINT) kills it before removing the directory it
    /// writes into.
    func runStep(_ step: Subprocess) throws -> Subprocess.Outcome {
        var tracked = step
        tracked.onStart = { [self] group in
            child.withLock { child in
                if child.tornDown { kill(-group, SIGKILL) } else { child.runningGroup = group }
            }
        }
        try throwIfTornDown()
        defer { child.withLock { $0.runningGroup = nil } }
        let outcome = try tracked.run()
        // Killed by the teardown: say so, rather than "initdb failed".
        try throwIfTornDown()
        return outcome
    }

    private func throwIfTornDown() throws {
        try child.withLock { child in
            if child.tornDown { throw PostgresError.cluster("the ephemeral cluster was stopped while it was starting") }
        }
    }

    /// Idempotent; a second caller (say the signal thread while deinit is
    /// tearing down) waits for the first to finish. Returns false when the
    /// directory could not be removed completely.
    @discardableResult
    func run() -> Bool {
        progress.withLock { progress in
            if progress.finished { return true }
            progress.finished = true
            if let signalToken = progress.signalToken { SignalTrap.shared.unregister(signalToken) }
            killRunningStep()
            stopServerIfRunning()
            return FileSystem.removeTree(directory)
        }
    }

    private func killRunningStep() {
        let group = child.withLock { child -> pid_t? in
            child.tornDown = true
            return child.runningGroup
        }
        guard let group, kill(-group, SIGKILL) == 0 else { return }
        // Bounded: zombies count until reaped, and a container's init may not reap.
        for _ in 0..<250 where kill(-group, 0) == 0 { usleep(20_000) }
    }

    /// The server runs when postmaster.pid exists (initdb done, start tried).
    private func stopServerIfRunning() {
        let pidFile = "\(dataDirectory)/postmaster.pid"
        guard FileSystem.exists(pidFile) else { return }
        // Immediate mode: nothing in an ephemeral cluster is worth a checkpoint.
        let stop = account.subprocess(pgCtl, ["stop", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "10", "-s"],
                                      in: directory)
        if let outcome = try? stop.run(), outcome.succeeded { return }
        // pg_ctl failed (its binary gone, or the server wedged): kill the
        // postmaster, but only if the pid is still a process working in this
        // data directory, never an unrelated process that reused the pid.
        guard let pidText = FileSystem.contents(of: pidFile)?.split(separator: "\n").first,
              let pid = pid_t(pidText), pid > 0,
              FileSystem.realPath("/proc/\(pid)/cwd") == FileSystem.realPath(dataDirectory) else { return }
        kill(pid, SIGKILL)
        for _ in 0..<100 where FileSystem.realPath("/proc/\(pid)/cwd") != nil { usleep(50_000) }
    }
}
