import CLibPQ
import Logging
import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A throwaway PostgreSQL server in a fresh temporary directory: reachable
/// only through a unix socket in that directory, tuned for speed over
/// durability, and removed with everything in it by `stop()`, by deinit, or
/// on SIGINT/SIGTERM. A start that fails leaves nothing behind. When replint
/// dies without cleaning up, the kernel kills the server
/// (`PostmasterProcess`) and the next start removes the directory
/// (`StaleClusters`).
public final class EphemeralCluster: Sendable {
    /// The superuser initdb creates, whoever runs the server.
    public static let superuser = "postgres"

    /// The temporary directory holding everything below.
    public let directory: String
    public let dataDirectory: String
    /// Where the server's socket file lives; pass as libpq's `host`.
    public let socketDirectory: String
    /// With TCP off, the port only names the socket file (`.s.PGSQL.<port>`).
    public let port: Int
    /// The server log (stderr of postgres), read e.g. for apply-worker errors.
    public let logFile: String
    public let binaries: PostgresBinaries

    private let teardown: ClusterTeardown
    private static let logger = Logger(label: "replint.postgres.cluster")

    private init(binaries: PostgresBinaries, teardown: ClusterTeardown, port: Int) {
        self.binaries = binaries
        self.teardown = teardown
        self.directory = teardown.directory
        self.dataDirectory = teardown.dataDirectory
        self.socketDirectory = teardown.directory
        self.port = port
        self.logFile = "\(teardown.directory)/server.log"
    }

    deinit {
        stop()
    }

    /// initdb (or a copy of its cached output, `InitdbTemplate`) and postgres
    /// in a new temporary directory (after removing the stale ones beside
    /// it); returns once the server accepts connections.
    public static func start(_ options: Options = .init()) throws -> EphemeralCluster {
        // SIGINT/SIGTERM's cleanup is running: a cluster started now would outlive it.
        guard SignalTrap.shared.interruption == nil else { throw PostgresError.cluster("interrupted: no cluster is started") }
        let binaries = try PostgresBinaries.locate(.init(explicitDirectory: options.binDirectory))
        let account = try ServerAccount.resolve(requestedUser: options.runAsUser)
        let port = nextPort()
        let parent = options.parentDirectory ?? defaultParentDirectory(switchingUser: account != nil)
        guard fitsSocketPath(parent) else {
            throw PostgresError.cluster("\(parent) is too long a path for a unix socket directory; choose a shorter one")
        }
        for stale in StaleClusters.sweep(in: parent) {
            logger.info("removed a throwaway cluster an earlier replint left behind", metadata: ["directory": "\(stale)"])
        }
        let directory = try FileSystem.makeTemporaryDirectory(in: parent, prefix: StaleClusters.prefix)
        let teardown = ClusterTeardown(directory: directory, dataDirectory: "\(directory)/data")
        teardown.registerWithSignalTrap()
        let cluster = EphemeralCluster(binaries: binaries, teardown: teardown, port: port)
        do {
            try StaleClusters.claim(directory)
            try cluster.initialize(options, account: account)
            try cluster.startServer(account: account)
        } catch {
            cluster.stop()
            throw error
        }
        return cluster
    }

    /// A libpq keyword/value connection string for the socket. sslmode is
    /// explicit so a PGSSLMODE=require in the environment cannot break it.
    public func conninfo(database: String = "postgres") -> String {
        [("host", socketDirectory), ("port", String(port)), ("user", Self.superuser),
         ("dbname", database), ("sslmode", "disable")]
            .map { "\($0.0)=\(Connection.quoteConninfoValue($0.1))" }
            .joined(separator: " ")
    }

    public func connect(database: String = "postgres") throws -> Connection {
        try Connection(conninfo: conninfo(database: database))
    }

    public func createDatabase(_ name: String) throws {
        let connection = try connect()
        defer { connection.close() }
        try connection.execute("CREATE DATABASE \(Connection.quoteIdentifier(name))")
    }

    /// The server log so far; empty when there is none yet.
    public func readLog() -> String {
        FileSystem.contents(of: logFile) ?? ""
    }

    /// Stops the server at once (no checkpoint) and removes the directory.
    /// Idempotent and safe from any thread.
    public func stop() {
        if !teardown.run() {
            Self.logger.warning("could not remove every file of the ephemeral cluster", metadata: ["directory": "\(directory)"])
        }
    }

    private func initialize(_ options: Options, account: ServerAccount?) throws {
        if let account, chown(directory, account.uid, account.gid) != 0 {
            throw PostgresError.cluster("cannot hand \(directory) to user \(account.name): \(errnoDescription())")
        }
        // Beside the clusters of the default place, whatever parent this one has.
        let template = InitdbTemplate(binaries: binaries, account: account,
                                      parent: Self.defaultParentDirectory(switchingUser: account != nil))
        if try template?.copy(to: dataDirectory, account: account, run: teardown.runStep) != true {
            let initdb = try teardown.runStep(account.subprocess(binaries.initdb, ["-D", dataDirectory] + InitdbTemplate.arguments,
                                                                 in: directory))
            guard initdb.succeeded else {
                throw PostgresError.cluster("initdb failed (\(binaries.initdb)):\n\(initdb.output.trimmingTrailingWhitespace())")
            }
            template?.store(from: dataDirectory, account: account, run: teardown.runStep)
        }
        try FileSystem.append(
            "\n# ephemeral cluster settings (replint)\n"
                + options.configuration(socketDirectory: socketDirectory, port: port),
            to: "\(dataDirectory)/postgresql.conf")
    }

    /// postgres itself, not pg_ctl: see `PostmasterProcess`. pg_ctl -w would
    /// wait for "ready" in postmaster.pid; answering a ping is the same
    /// moment, seen through the conninfo everyone will use.
    private func startServer(account: ServerAccount?) throws {
        let postmaster = try teardown.launchServer(account.command(binaries.postgres, ["-D", dataDirectory]), logFile: logFile)
        for _ in 0..<Self.startAttempts {
            if PQping(conninfo()) == PQPING_OK { return }
            try teardown.throwIfTornDown()
            if let status = postmaster.exitStatus {
                throw PostgresError.cluster(
                    "PostgreSQL did not start (\(binaries.postgres) exited with status \(status)); server log:\n"
                    + readLog().trimmingTrailingWhitespace())
            }
            usleep(20_000)
        }
        throw PostgresError.cluster(
            "PostgreSQL did not answer on \(socketDirectory) port \(port) within 60 s; server log:\n"
            + readLog().trimmingTrailingWhitespace())
    }

    /// 60 s in 20 ms steps, pg_ctl's own default wait.
    private static let startAttempts = 3000

    private static let portCounter = Atomic<Int>(0)

    /// Distinct per process and per cluster, so that log lines and socket
    /// names tell clusters apart; uniqueness is not required because each
    /// cluster has its own socket directory.
    private static func nextPort() -> Int {
        let n = portCounter.wrappingAdd(1, ordering: .relaxed).oldValue
        return 54000 + Int(getpid() % 100) * 10 + n % 10
    }

    /// TMPDIR when usable; /tmp when the server runs as another user (it must
    /// traverse the parent) or when TMPDIR is too long for a socket path.
    private static func defaultParentDirectory(switchingUser: Bool) -> String {
        guard !switchingUser, let value = getenv("TMPDIR").map({ String(cString: $0) }), !value.isEmpty else { return "/tmp" }
        let parent = value.hasSuffix("/") && value.count > 1 ? String(value.dropLast()) : value
        return fitsSocketPath(parent) ? parent : "/tmp"
    }

    /// sun_path holds 108 bytes: parent + "/replint-pg-XXXXXX/.s.PGSQL.NNNNN" and a NUL.
    private static func fitsSocketPath(_ parent: String) -> Bool {
        parent.utf8.count + "/replint-pg-XXXXXX/.s.PGSQL.NNNNN".utf8.count < 108
    }
}
