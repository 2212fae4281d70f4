import Foundation
import Lint
import Rules
@testable import Runner
import PGClient
import PGServers
import PGTestSupport

/// A migrations directory and a cluster to run files from it against, with
/// the run's log captured line by line.
struct RunnerFixture: Sendable {
    let cluster: EphemeralCluster
    let migrations: ScratchDirectory

    /// The log of one run, split into lines.
    final class LogCapture: @unchecked Sendable {
        private let lock = NSLock()
        private var buffer: [String] = []
        var lines: [String] { lock.withLock { buffer } }
        var text: String { lines.joined() }
        func append(_ line: String) { lock.withLock { buffer.append(line) } }
        /// Each line of a JSON log, decoded.
        var events: [[String: Any]] {
            lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    /// Where the run connects: the fixture's cluster by --database-url, another
    /// URL, or only what `environment` says (ACG_CONFIG, INVENTORY_DB_*).
    enum Target {
        case cluster
        case url(String)
        case environmentOnly

        func url(_ cluster: EphemeralCluster) -> String? {
            switch self {
            case .cluster: cluster.conninfo()
            case .url(let url): url
            case .environmentOnly: nil
            }
        }
    }

    struct Result {
        let outcome: RunOutcome
        let log: LogCapture
        var text: String { log.text }
    }

    func run(_ name: String, _ sql: String? = nil, dryRun: Bool = false, force: Bool = false,
             lockTimeout: String = "5s", logFormat: String = "text",
             target: Target = .cluster, environment: [String: String] = [:], directory: String? = nil) throws -> Result {
        if let sql { try migrations.write(name, sql) }
        let flags = RunRequest.Flags(file: name, dryRun: dryRun, directory: directory ?? migrations.path,
                                     databaseURL: target.url(cluster), lockTimeout: lockTimeout,
                                     force: force, logFormat: logFormat)
        let request = try RunRequest.resolve(flags, environment: environment)
        let capture = LogCapture()
        let log = RunLog(format: request.logFormat, minimumLevel: .debug) { capture.append($0) }
        let outcome = MigrationRunner(request: request, linter: Linter(rules: RuleRegistry.all), log: log).run()
        return Result(outcome: outcome, log: capture)
    }

    /// Every user relation with its kind and columns, and the schemas: what a
    /// migration changes, compared before and after.
    func catalogue() throws -> [String] {
        let connection = try cluster.connect()
        defer { connection.close() }
        let relations = try connection.execute("""
            SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' (' ||
                   coalesce(string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                            || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ', ' ORDER BY a.attnum), '') || ')'
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            GROUP BY n.nspname, c.relname, c.relkind ORDER BY 1
            """).rows.map { $0[0] ?? "" }
        let schemas = try connection.execute("SELECT nspname FROM pg_namespace ORDER BY 1").rows.map { "schema " + ($0[0] ?? "") }
        return schemas + relations
    }

    func query(_ sql: String) throws -> [[String?]] {
        let connection = try cluster.connect()
        defer { connection.close() }
        return try connection.execute(sql).rows
    }
}

/// Starts a cluster with `setup` applied and a fresh migrations directory.
func withRunnerFixture<T>(setup: String = "", _ body: (RunnerFixture) throws -> T) throws -> T {
    try withCluster { cluster in
        let migrations = try ScratchDirectory()
        defer { migrations.remove() }
        if !setup.isEmpty {
            let connection = try cluster.connect()
            defer { connection.close() }
            try connection.execute(setup)
        }
        return try body(RunnerFixture(cluster: cluster, migrations: migrations))
    }
}
