import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The PostgreSQL programs an ephemeral cluster needs. The three server
/// programs always come from one directory, so initdb never prepares a data
/// directory for a different major version than the postgres that runs it.
public struct PostgresBinaries: Equatable, Sendable {
    /// Where initdb, pg_ctl and postgres were found.
    public let directory: String
    public let initdb: String
    public let pgCtl: String
    public let postgres: String
    public let pgDump: String

    static let serverPrograms = ["initdb", "pg_ctl", "postgres"]

    /// Where to look, in order of preference.
    public struct SearchPath: Sendable {
        /// `--pg-bin`: when given, the only place searched.
        public var explicitDirectory: String?
        /// The value of PATH.
        public var path: String?
        /// Runs `pg_config --bindir`; nil when pg_config is not installed.
        public var pgConfigBindir: @Sendable () -> String?
        /// Holds one `<version>/bin` per installed major version (Debian).
        public var versionedRoot: String

        public init(explicitDirectory: String? = nil,
                    path: String? = getenv("PATH").map { String(cString: $0) },
                    pgConfigBindir: @escaping @Sendable () -> String? = PostgresBinaries.pgConfigBindir,
                    versionedRoot: String = "/usr/lib/postgresql") {
            self.explicitDirectory = explicitDirectory
            self.path = path
            self.pgConfigBindir = pgConfigBindir
            self.versionedRoot = versionedRoot
        }
    }

    /// Finds the programs in `--pg-bin`, else PATH, else `pg_config --bindir`,
    /// else the newest `/usr/lib/postgresql/*/bin`.
    public static func locate(_ search: SearchPath = SearchPath()) throws -> PostgresBinaries {
        if let explicit = search.explicitDirectory {
            guard let found = complete(in: explicit, fallbacks: []) else {
                throw PostgresError.binariesNotFound(
                    "--pg-bin \(explicit) does not hold \(allPrograms.joined(separator: ", ")); "
                    + "point it at PostgreSQL's bin directory (e.g. /usr/lib/postgresql/15/bin)")
            }
            return found
        }
        let candidates = candidateDirectories(search)
        for directory in candidates {
            if let found = complete(in: directory, fallbacks: candidates) { return found }
        }
        throw PostgresError.binariesNotFound(
            "PostgreSQL server programs (initdb, pg_ctl, postgres, pg_dump) were not found in PATH, "
            + "`pg_config --bindir` or \(search.versionedRoot)/*/bin. Install Debian's postgresql package "
            + "(apt-get install -y postgresql) or pass --pg-bin DIR.")
    }

    private static let allPrograms = serverPrograms + ["pg_dump"]

    /// One client program (pg_dump for `replint init`), searched where the
    /// server programs are, without needing them: a machine with only
    /// Debian's postgresql-client has a pg_dump and no server.
    public static func locateProgram(_ name: String, _ search: SearchPath = SearchPath()) throws -> String {
        let directories = search.explicitDirectory.map { [$0] } ?? candidateDirectories(search)
        if let found = directories.map({ "\($0)/\(name)" }).first(where: isExecutable) { return found }
        if let explicit = search.explicitDirectory {
            throw PostgresError.binariesNotFound("--pg-bin \(explicit) does not hold \(name); point it at PostgreSQL's bin directory (e.g. /usr/lib/postgresql/15/bin)")
        }
        throw PostgresError.binariesNotFound(
            "\(name) was not found in PATH, `pg_config --bindir` or \(search.versionedRoot)/*/bin. Install Debian's "
            + "postgresql-client package (apt-get install -y postgresql-client) or pass --pg-bin DIR.")
    }

    static func candidateDirectories(_ search: SearchPath) -> [String] {
        var directories = (search.path ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        if let bindir = search.pgConfigBindir() { directories.append(bindir) }
        directories += versionedDirectories(under: search.versionedRoot)
        return directories
    }

    /// A directory with all three server programs, plus a pg_dump: preferably
    /// the one beside them (matching version), else the first in `fallbacks`.
    private static func complete(in directory: String, fallbacks: [String]) -> PostgresBinaries? {
        guard serverPrograms.allSatisfy({ isExecutable("\(directory)/\($0)") }) else { return nil }
        // PATH may hold symlinks (/usr/local/bin/initdb -> .../15/bin/initdb);
        // the real directory is where that version's pg_dump lives.
        let realDirectory = FileSystem.realPath("\(directory)/initdb").map(parentDirectory)
        let pgDumpPlaces = [directory] + (realDirectory.map { [$0] } ?? []) + fallbacks
        guard let pgDump = pgDumpPlaces.map({ "\($0)/pg_dump" }).first(where: isExecutable) else { return nil }
        return PostgresBinaries(directory: directory, initdb: "\(directory)/initdb", pgCtl: "\(directory)/pg_ctl",
                                postgres: "\(directory)/postgres", pgDump: pgDump)
    }

    /// `<root>/<version>/bin`, newest major version first ("15" before "9.6").
    static func versionedDirectories(under root: String) -> [String] {
        var versions: [(numbers: [Int], name: String)] = []
        for name in FileSystem.entries(of: root) ?? [] {
            let parts = name.split(separator: ".")
            let numbers = parts.compactMap { Int($0) }
            if !numbers.isEmpty && numbers.count == parts.count { versions.append((numbers, name)) }
        }
        return versions
            .sorted { $0.numbers.lexicographicallyPrecedes($1.numbers) }
            .reversed()
            .map { "\(root)/\($0.name)/bin" }
    }

    /// `pg_config --bindir`, with pg_config found on PATH.
    @Sendable public static func pgConfigBindir() -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? ""
        guard let pgConfig = path.split(separator: ":").map({ "\($0)/pg_config" }).first(where: isExecutable),
              let outcome = try? Subprocess(executable: pgConfig, arguments: ["--bindir"]).run(),
              outcome.succeeded else { return nil }
        let bindir = outcome.output.trimmingTrailingWhitespace()
        return bindir.isEmpty ? nil : bindir
    }

    static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }

    private static func parentDirectory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
