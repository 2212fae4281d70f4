import PGClient
import PGServers
import SQLSource
#if canImport(Glibc)
import Glibc
#endif

/// `pg_dump --schema-only` of one database into a baseline file: what the
/// schema model and the rehearsals load. Publications are part of a
/// schema-only dump, so the model knows what is replicated.
public struct BaselineDump: Sendable {
    /// The pg_dump program, found as the rehearsals find PostgreSQL's programs.
    public let pgDump: String

    public init(pgDump: String) {
        self.pgDump = pgDump
    }

    /// `--no-owner`: the baseline describes shapes, not who owns them, and
    /// loads on a throwaway cluster without the production roles.
    /// `--no-subscriptions`: a subscription's CONNECTION string holds the
    /// publisher's password, which must not end up in a committed file.
    static let options = ["--schema-only", "--no-owner", "--no-subscriptions"]

    /// Dumps the database `url` names into `path` (removed again when pg_dump
    /// fails); `name` is what messages call it. Returns the server's major
    /// version when the dump names it.
    public func dump(url: String, to path: String, name: String) throws(SetupError) -> Int? {
        let parts: ConninfoWithoutPassword
        switch ConninfoWithoutPassword.split(url) {
        case .success(let split): parts = split
        case .failure(let error): throw SetupError("\(name): \(error)")
        }
        // The URL's own password wins over one left in the shell; without one, PGPASSWORD and ~/.pgpass still serve.
        var environment = Self.inheritedEnvironment().filter { parts.password == nil || !$0.hasPrefix("PGPASSWORD=") }
        if let password = parts.password { environment.append("PGPASSWORD=\(password)") }
        if !environment.contains(where: { $0.hasPrefix("PGCONNECT_TIMEOUT=") }) { environment.append("PGCONNECT_TIMEOUT=10") }
        let outcome: Subprocess.Outcome
        do {
            outcome = try Subprocess(executable: pgDump, arguments: Self.options + ["--file", path, "--dbname", parts.conninfo],
                                     environment: environment).run()
        } catch {
            unlink(path)
            throw SetupError("\(pgDump): \(error)")
        }
        guard outcome.succeeded else {
            unlink(path)
            let said = ConnectionSecrets.masked(PasswordRedaction.redact(outcome.output, conninfo: url)).trimmingTrailingWhitespace()
            throw SetupError("pg_dump could not dump the database for \(name) (exit \(outcome.status)): \(said)")
        }
        return FileSystem.contents(of: path).flatMap(Self.serverMajorVersion)
    }

    /// From pg_dump's header, `-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)`.
    static func serverMajorVersion(_ dump: String) -> Int? {
        let marker = "-- Dumped from database version "
        for line in dump.split(separator: "\n").prefix(20) where line.hasPrefix(marker) {
            let version = line.dropFirst(marker.count)
            return Int(version.prefix { $0.isNumber })
        }
        return nil
    }

    static func inheritedEnvironment() -> [String] {
        var entries: [String] = []
        var entry = environ
        while let pointer = entry.pointee {
            entries.append(String(cString: pointer))
            entry += 1
        }
        return entries
    }
}
