import PGClient
import PGServers
import SQLSource
import Synchronization

/// Rehearses migration files on a real PostgreSQL and throws the result
/// away. By default the server is an `EphemeralCluster` started here and
/// loaded once with the baseline (`--schema`) and seed (`--setup`); each file
/// then gets a fresh copy of that database. With `databaseURL` the named
/// database is used instead, and everything (baseline, seed, file) runs in
/// one transaction that is rolled back.
public final class Rehearsal: Sendable {
    public struct Options: Sendable {
        /// nil: an ephemeral cluster. Never read from PG* variables.
        public var databaseURL: String?
        public var schemaFiles: [String]
        public var setupFiles: [String]
        /// Count statements that cannot be rehearsed as failures.
        public var strict: Bool
        public var cluster: EphemeralCluster.Options
        /// `schema.table` names the configuration lists as replicated; tables
        /// in the database's publications count as replicated as well.
        public var replicatedTables: [String]

        public init(databaseURL: String? = nil, schemaFiles: [String] = [], setupFiles: [String] = [],
                    strict: Bool = false, cluster: EphemeralCluster.Options = .init(), replicatedTables: [String] = []) {
            self.databaseURL = databaseURL
            self.schemaFiles = schemaFiles
            self.setupFiles = setupFiles
            self.strict = strict
            self.cluster = cluster
            self.replicatedTables = replicatedTables
        }
    }

    /// The rehearsal could not start: no server binaries, no cluster, a
    /// database that does not answer, a baseline that does not load.
    public struct SetupError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public let options: Options
    /// The cluster this rehearsal started, if it did; `close()` removes it.
    public let cluster: EphemeralCluster?
    /// What loading the baseline and seed into the cluster skipped or created.
    public let setupNotes: [String]
    private let databasesMade = Atomic<Int>(0)
    static let baselineDatabase = "replint_baseline"

    private init(options: Options, cluster: EphemeralCluster?, setupNotes: [String]) {
        self.options = options
        self.cluster = cluster
        self.setupNotes = setupNotes
    }

    deinit { close() }

    /// Starts the cluster and loads it, or checks that `databaseURL` answers.
    public static func prepare(_ options: Options) throws(SetupError) -> Rehearsal {
        LibpqEnvironment.clear()
        if let url = options.databaseURL {
            do {
                try Connection(conninfo: url).close()
            } catch {
                throw SetupError(description: "\(error)")
            }
            return Rehearsal(options: options, cluster: nil, setupNotes: [])
        }
        let cluster: EphemeralCluster
        do {
            cluster = try EphemeralCluster.start(options.cluster)
        } catch {
            throw SetupError(description: "\(error)")
        }
        do {
            try cluster.createDatabase(baselineDatabase)
            let connection = try cluster.connect(database: baselineDatabase)
            defer { connection.close() }
            let notes = try loadBaseline(options, into: connection, roles: .create)
            return Rehearsal(options: options, cluster: cluster, setupNotes: notes)
        } catch {
            cluster.stop()
            throw SetupError(description: "\(error)")
        }
    }

    /// Stops the cluster, if this rehearsal started one. Idempotent.
    public func close() {
        cluster?.stop()
    }

    public func rehearse(path: String) -> RehearsalReport {
        do {
            return rehearse(SQLDocument(try SourceFile.read(path: path)))
        } catch {
            var report = RehearsalReport(path: path, target: target, strict: options.strict)
            report.setupError = error.description
            return report
        }
    }

    public func rehearse(_ document: SQLDocument) -> RehearsalReport {
        var report = RehearsalReport(path: document.file.path, target: target, strict: options.strict)
        report.setupNotes = setupNotes
        let plan: ExecutionPlan
        do {
            plan = try ExecutionPlan(document)
        } catch {
            let statement = Self.statement(of: error)
            report.failure = .init(line: statement.location.line, column: statement.location.column, head: statement.head,
                                   sqlstate: nil, message: error.description, detail: nil, hint: nil, errorLine: nil)
            return report
        }
        let connection: Connection
        do {
            connection = try connect()
            report.serverVersion = try connection.execute("SHOW server_version").rows.first?[0] ?? nil
        } catch {
            report.setupError = "\(error)"
            return report
        }
        defer { connection.close() }
        for meta in document.metaCommands {
            report.notes.append("line \(document.file.location(of: meta.range.lowerBound).line): psql meta-command \(meta.name) skipped")
        }
        var run = FileRun(plan: plan, sender: DocumentSender(document), connection: connection, report: report)
        do {
            if cluster != nil {
                try run.onThrowawayCluster(replicatedTables: options.replicatedTables)
            } else {
                try run.inOneTransaction(replicatedTables: options.replicatedTables) { () throws(SetupError) in
                    try Self.loadBaseline(options, into: connection, roles: .skip)
                }
            }
            return run.report
        } catch {
            // What ran so far stays in the report, beside why it stopped.
            run.report.setupError = "\(error)"
            if connection.transactionStatus != .idle { _ = try? connection.execute("ROLLBACK") }
            return run.report
        }
    }

    private var target: RehearsalReport.Target { cluster == nil ? .database : .ephemeralCluster }

    /// A fresh copy of the loaded baseline per file, so files never see
    /// each other's committed autocommit blocks.
    private func connect() throws -> Connection {
        guard let cluster else { return try Connection(conninfo: options.databaseURL ?? "") }
        let number = databasesMade.wrappingAdd(1, ordering: .relaxed).newValue
        let name = "replint_rehearsal_\(number)"
        let admin = try cluster.connect()
        defer { admin.close() }
        try admin.execute("CREATE DATABASE \(Connection.quoteIdentifier(name)) TEMPLATE \(Self.baselineDatabase)")
        return try cluster.connect(database: name)
    }

    private static func loadBaseline(_ options: Options, into connection: Connection,
                                     roles: SQLLoader.MissingRolePolicy) throws(SetupError) -> [String] {
        var notes: [String] = []
        let loader = SQLLoader(missingRoles: roles)
        for path in options.schemaFiles + options.setupFiles {
            do {
                let outcome = try loader.load(path: path, into: connection)
                notes += outcome.notes
                if !outcome.createdRoles.isEmpty {
                    notes.append("\(path): created missing roles on the throwaway cluster: \(outcome.createdRoles.joined(separator: ", "))")
                }
            } catch {
                throw SetupError(description: "cannot load \(error)")
            }
        }
        return notes
    }

    private static func statement(of error: ExecutionPlan.PlanError) -> Statement {
        switch error {
        case .unsupportedTransactionControl(let s), .needsAutocommitBlock(let s, _, _): return s
        }
    }
}
