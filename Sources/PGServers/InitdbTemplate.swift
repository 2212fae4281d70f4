import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A data directory fresh from initdb, kept beside the throwaway clusters
/// and copied for each new one: a copy takes a fraction of initdb's time,
/// which dominates the start of a rehearsal and of every server test.
///
/// The name is the key: the server account, initdb's arguments, and the
/// identity of the `initdb` and `postgres` binaries (inode, size, mtime),
/// so an upgraded server never starts from an older template. Cluster
/// settings are not in it: they are appended to postgresql.conf after the
/// copy. A template is used only when it is a real directory (not a link)
/// owned by the server account with no access for anyone else, because a
/// data directory decides what the server runs; another user's directory
/// of the same name is ignored and initdb runs as before.
struct InitdbTemplate {
    static let prefix = "replint-initdb-"
    /// initdb's arguments; the template's name holds their hash.
    static let arguments = ["-U", EphemeralCluster.superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]

    let path: String
    private let parent: String
    private let owner: uid_t

    /// nil when the binaries cannot be identified (then initdb runs each time)
    /// or when `REPLINT_INITDB_TEMPLATE=off`.
    init?(binaries: PostgresBinaries, account: ServerAccount?, parent: String) {
        if let setting = getenv("REPLINT_INITDB_TEMPLATE"), String(cString: setting) == "off" { return nil }
        guard let initdb = Self.identity(binaries.initdb), let postgres = Self.identity(binaries.postgres) else { return nil }
        owner = account?.uid ?? geteuid()
        self.parent = parent
        let argumentsKey = Self.arguments.joined(separator: " ").utf8.reduce(UInt32(2166136261)) { ($0 ^ UInt32($1)) &* 16777619 }
        path = "\(parent)/\(Self.prefix)u\(owner)-\(initdb)-\(postgres)-\(String(argumentsKey, radix: 16))"
    }

    /// The template's data directory when it exists and is safe to copy.
    var usableDataDirectory: String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == owner,
              info.st_mode & 0o077 == 0, FileSystem.exists("\(path)/data/PG_VERSION") else { return nil }
        return "\(path)/data"
    }

    /// Keeps a copy of `dataDirectory` (just made by initdb, nothing else
    /// written yet) as the template, unless another process made one first.
    /// Best effort: a failure only means the next cluster runs initdb too.
    func store(from dataDirectory: String, account: ServerAccount?, run: (Subprocess) throws -> Subprocess.Outcome) {
        guard let staging = try? FileSystem.makeTemporaryDirectory(in: parent, prefix: "\(Self.prefix)staging-") else { return }
        defer { _ = FileSystem.removeTree(staging) }
        if let account, chown(staging, account.uid, account.gid) != 0 { return }
        chmod(staging, 0o700)
        guard let copied = try? run(account.subprocess(Self.copyProgram, ["-a", dataDirectory, "\(staging)/data"], in: staging)),
              copied.succeeded else { return }
        // rename(2) is atomic: a concurrent start sees no template or a whole one.
        _ = rename(staging, path)
    }

    /// `cp -a`, run as the server account so the copy belongs to it.
    func copy(to dataDirectory: String, account: ServerAccount?, run: (Subprocess) throws -> Subprocess.Outcome) throws -> Bool {
        guard let source = usableDataDirectory else { return false }
        let copied = try run(account.subprocess(Self.copyProgram, ["-a", source, dataDirectory], in: path))
        if !copied.succeeded { _ = FileSystem.removeTree(dataDirectory) }
        return copied.succeeded
    }

    static let copyProgram = ["/usr/bin/cp", "/bin/cp"].first(where: PostgresBinaries.isExecutable) ?? "cp"

    /// inode, size and modification time, in hex: changes when the binary does.
    private static func identity(_ binary: String) -> String? {
        var info = stat()
        guard stat(binary, &info) == 0 else { return nil }
        return [UInt64(info.st_ino), UInt64(info.st_size), UInt64(info.st_mtim.tv_sec)]
            .map { String($0, radix: 16) }.joined(separator: ".")
    }
}
