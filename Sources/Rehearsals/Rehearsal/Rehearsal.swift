import Lint
import PGClient
import PGServers
import SQLSource
import Synchronization

/// Rehearses migration files on a real PostgreSQL and throws the result
/// away. By default the server is an `EphemeralCluster` started here; each
/// baseline a file needs (see `BaselineSelection`) is loaded once, with the
/// seed (`--setup`), into a template database, and each file gets a fresh
/// copy of its template. With `databaseURL` the named database is used
/// instead, and everything (`--schema` if given, seed, file) runs in one
/// transaction that is rolled back.
public final class Rehearsal: Sendable {
    public struct Options: Sendable {
        /// nil: an ephemeral cluster. Never read from PG* variables.
        public var databaseURL: String?
        /// `--schema`: loaded before every file, on either target.
        public var schemaFiles: [String]
        public var setupFiles: [String]
        /// Count statements that cannot be rehearsed as failures.
        public var strict: Bool
        public var cluster: EphemeralCluster.Options
        /// `schema.table` names the configuration lists as replicated; tables
        /// in the database's publications count as replicated as well.
        public var replicatedTables: [String]
        /// Its baselines serve a throwaway cluster when `schemaFiles` is
        /// empty; it also gives each file its declared order.
        public var configuration: Configuration
        /// Each phase as it begins, for a terminal.
        public var progress: RehearsalProgress = .silent

        public init(databaseURL: String? = nil, schemaFiles: [String] = [], setupFiles: [String] = [],
                    strict: Bool = false, cluster: EphemeralCluster.Options = .init(), replicatedTables: [String] = [],
                    configuration: Configuration = Configuration()) {
            self.databaseURL = databaseURL
            self.schemaFiles = schemaFiles
            self.setupFiles = setupFiles
            self.strict = strict
            self.cluster = cluster
            self.replicatedTables = replicatedTables
            self.configuration = configuration
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
    let selection: BaselineSelection
    /// A template database per baseline loaded on the cluster, by its files;
    /// a baseline that did not load is remembered too, so it is tried once.
    private let templates = Mutex<[[String]: Result<Template, SetupError>]>([:])
    private let databasesMade = Atomic<Int>(0)

    struct Template: Sendable {
        let database: String
        /// What loading the baseline and seed skipped or created.
        let notes: [String]
    }

    private init(options: Options, cluster: EphemeralCluster?) {
        self.options = options
        self.cluster = cluster
        self.selection = BaselineSelection(options)
    }

    /// What loading the file-independent baseline and the seed skipped or
    /// created; empty when each file's baseline depends on its order.
    public var setupNotes: [String] {
        guard let fixed = selection.fileIndependent else { return [] }
        return templates.withLock { (try? $0[fixed.files]?.get())?.notes } ?? []
    }

    deinit { close() }

    /// Starts the cluster and loads it, or checks that `databaseURL` answers.
    public static func prepare(_ options: Options) throws(SetupError) -> Rehearsal {
        LibpqEnvironment.clear()
        if let url = options.databaseURL {
            options.progress.phase("connecting to the database")
            do {
                try Connection(conninfo: url).close()
            } catch {
                throw SetupError(description: "\(error)")
            }
            return Rehearsal(options: options, cluster: nil)
        }
        let cluster: EphemeralCluster
        options.progress.phase("starting a throwaway PostgreSQL")
        do {
            cluster = try EphemeralCluster.start(options.cluster)
        } catch {
            throw SetupError(description: "\(error)")
        }
        let rehearsal = Rehearsal(options: options, cluster: cluster)
        // A baseline every file shares is loaded now, so that one that does
        // not load stops the rehearsal before any file.
        if let fixed = rehearsal.selection.fileIndependent {
            do {
                _ = try rehearsal.template(for: fixed.files)
            } catch {
                rehearsal.close()
                throw error
            }
        }
        return rehearsal
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
            report.baseline = selection.fileIndependent
            report.setupError = error.description
            return report
        }
    }

    /// What a SIGINT or SIGTERM cut short says "interrupted", not "failed".
    public func rehearse(_ document: SQLDocument) -> RehearsalReport {
        var report = rehearseToTheEnd(document)
        if let signal = RehearsalInterruption.signal { report.interrupted(by: signal) }
        return report
    }

    private func rehearseToTheEnd(_ document: SQLDocument) -> RehearsalReport {
        var report = RehearsalReport(path: document.file.path, target: target, strict: options.strict)
        let baseline = selection.baseline(for: document)
        report.baseline = baseline
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
            connection = try connect(baseline: baseline, notes: &report.setupNotes)
            report.serverVersion = try connection.execute("SHOW server_version").rows.first?[0] ?? nil
        } catch {
            report.setupError = "\(error)"
            return report
        }
        RehearsalInterruption.shared.watch(connection)
        defer {
            RehearsalInterruption.shared.watch(nil)
            connection.close()
        }
        for meta in document.metaCommands {
            report.notes.append("line \(document.file.location(of: meta.range.lowerBound).line): psql meta-command \(meta.name) skipped")
        }
        var run = FileRun(plan: plan, sender: DocumentSender(document), connection: connection, report: report)
        options.progress.phase("rehearsing \(document.file.path) (\(plan.statements.count) statement(s))")
        do {
            if cluster != nil {
                try run.onThrowawayCluster(replicatedTables: options.replicatedTables)
            } else {
                try run.inOneTransaction(replicatedTables: options.replicatedTables) { () throws(SetupError) in
                    try Self.load(baseline.files + options.setupFiles, into: connection, roles: .skip)
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

    /// A fresh copy of the file's baseline per file, so files never see
    /// each other's committed autocommit blocks.
    private func connect(baseline: RehearsalBaseline, notes: inout [String]) throws -> Connection {
        guard let cluster else { return try Connection(conninfo: options.databaseURL ?? "") }
        let template = try template(for: baseline.files)
        notes += template.notes
        let number = databasesMade.wrappingAdd(1, ordering: .relaxed).newValue
        let name = "replint_rehearsal_\(number)"
        let admin = try cluster.connect()
        defer { admin.close() }
        try admin.execute("CREATE DATABASE \(Connection.quoteIdentifier(name)) TEMPLATE \(Connection.quoteIdentifier(template.database))")
        return try cluster.connect(database: name)
    }

    /// The template database holding `files` and the seed, loaded on first use.
    func template(for files: [String]) throws(SetupError) -> Template {
        guard let cluster else { throw SetupError(description: "no throwaway cluster to load a baseline into") }
        return try templates.withLock { templates throws(SetupError) -> Template in
            if let known = templates[files] { return try known.get() }
            if !files.isEmpty { options.progress.phase("loading the baseline \(files.joined(separator: ", "))") }
            let loaded = Result { () throws(SetupError) -> Template in
                let database = "replint_baseline_\(templates.count + 1)"
                do {
                    try cluster.createDatabase(database)
                    let connection = try cluster.connect(database: database)
                    defer { connection.close() }
                    return Template(database: database, notes: try Self.load(files + options.setupFiles, into: connection, roles: .create))
                } catch let error as SetupError {
                    throw error
                } catch {
                    throw SetupError(description: "\(error)")
                }
            }
            templates[files] = loaded
            return try loaded.get()
        }
    }

    private static func load(_ paths: [String], into connection: Connection,
                             roles: SQLLoader.MissingRolePolicy) throws(SetupError) -> [String] {
        var notes: [String] = []
        let loader = SQLLoader(missingRoles: roles)
        for path in paths {
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
