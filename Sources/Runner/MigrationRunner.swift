import Lint
import PGClient
import SQLSource

/// `replint run`: lint the file, refuse it on error-level findings, connect,
/// then either describe what would run (dry run) or apply it statement by
/// statement as its `ExecutionPlan` lays out, with bounded lock waits, one
/// advisory lock per file name, and a rollback plus an exact account of what
/// committed on any failure.
public final class MigrationRunner {
    public let request: RunRequest
    private let linter: Linter
    private let log: RunLog

    /// `linter` carries the rules and the configuration (the CLI passes
    /// every registered rule; this module never picks rules itself).
    public init(request: RunRequest, linter: Linter, log: RunLog) {
        self.request = request
        self.linter = linter
        self.log = log
    }

    public func run() -> RunOutcome {
        log.redact(request.database.secrets)
        let file = request.file
        let document = SQLDocument(file.source)
        log.record(.info, "start", "\(request.dryRun ? "dry run of" : "running") \(file.path)",
                   [RunLog.Field("file", .string(file.path)), RunLog.Field("dry_run", .bool(request.dryRun))])
        guard LintAdmission(linter: linter, log: log).admits(document, force: request.force) else { return .refused }
        guard Self.admitsEverything(document, log: log) else { return .refused }
        let plan: ExecutionPlan
        do {
            plan = try ExecutionPlan(document)
        } catch {
            log.record(.error, "refused", "\(file.path): \(error.description)",
                       [RunLog.Field("file", .string(file.path))])
            return .refused
        }
        var certificate: PrivateFile?
        do {
            if let pem = request.database.certificateAuthorityPEM {
                certificate = try PrivateFile(contents: pem, prefix: "replint-rds-ca-")
            }
        } catch {
            log.record(.error, "connection", "cannot write the database CA certificate to a temporary file: \(error.description)")
            return .cannotConnect
        }
        defer { certificate?.remove() }
        guard let connection = connect(certificateFile: certificate?.path) else { return .cannotConnect }
        defer { connection.close() }
        if plan.statements.isEmpty {
            log.record(.warning, "empty", "\(file.path) holds no statements: nothing to run")
            return request.dryRun ? .dryRun : .applied
        }
        if request.dryRun {
            DryRunReport(file: file, plan: plan, log: log).write(lockTimeout: request.lockTimeout,
                                                                 statementTimeout: request.statementTimeout)
            return .dryRun
        }
        var application = PlanApplication(request: request, document: document, plan: plan, connection: connection, log: log)
        return application.run()
    }

    /// Even with --force, no part of the file may be skipped: a psql
    /// meta-command (`\\connect other_db`) or text the splitter could not
    /// place would otherwise silently change what the file does.
    static func admitsEverything(_ document: SQLDocument, log: RunLog) -> Bool {
        let file = document.file
        var problems = document.metaCommands.map {
            "line \(file.location(of: $0.range.lowerBound).line): the psql meta-command `\($0.name)` cannot run through libpq"
        }
        problems += document.stretches.map { "line \(file.location(of: $0.range.lowerBound).line): \($0.message)" }
        for problem in problems {
            log.record(.error, "refused", "\(file.path): \(problem); remove it, the runner never skips part of a file")
        }
        return problems.isEmpty
    }

    private func connect(certificateFile: String?) -> Connection? {
        let settings = request.database
        let connection: Connection
        do {
            connection = try Connection(conninfo: settings.conninfo(certificateFile: certificateFile))
        } catch {
            // Connection errors are already free of the password; the log scrubs again anyway.
            let reason = if case PostgresError.connection(let message) = error { message } else { "\(error)" }
            log.record(.error, "connection", "cannot connect to \(settings.summary) (settings from \(settings.source.rawValue)): \(reason)",
                       [RunLog.Field("source", .string(settings.source.rawValue))])
            return nil
        }
        let identity = try? connection.execute("SELECT current_database(), current_user, current_setting('server_version')")
        let row = identity?.rows.first ?? []
        let database = row.first.flatMap { $0 } ?? "?"
        let user = row.dropFirst().first.flatMap { $0 } ?? "?"
        let version = row.dropFirst(2).first.flatMap { $0 } ?? "?"
        log.record(.info, "connected", "connected to database \(database) as \(user), PostgreSQL \(version) (settings from \(settings.source.rawValue))",
                   [RunLog.Field("database", .string(database)), RunLog.Field("user", .string(user)),
                    RunLog.Field("server_version", .string(version)), RunLog.Field("source", .string(settings.source.rawValue))])
        return connection
    }
}

/// Lints the file and decides whether it may run: error-level findings (or
/// warnings, with `fail_on: warning`) stop it unless `--force`. Every
/// finding is logged, at error level when it blocks.
struct LintAdmission {
    let linter: Linter
    let log: RunLog

    func admits(_ document: SQLDocument, force: Bool) -> Bool {
        let findings = linter.lint(document)
        let gate = LintGate(failOn: linter.configuration.failOn)
        for finding in findings {
            let level: RunLog.Level = gate.blocks(finding) ? .error : (finding.severity == .info ? .info : .warning)
            log.record(level, "finding",
                       "\(finding.path):\(finding.start): \(finding.severity.rawValue)[\(finding.ruleID)] \(finding.message) (help: \(finding.help))",
                       [RunLog.Field("rule", .string(finding.ruleID.rawValue)), RunLog.Field("severity", .string(finding.severity.rawValue)),
                        RunLog.Field("line", .int(finding.start.line)), RunLog.Field("column", .int(finding.start.column))])
        }
        let blocking = gate.blocking(findings).count
        guard blocking > 0 else { return true }
        if force {
            log.record(.warning, "forced", "running despite \(blocking) error-level finding(s), because of --force")
            return true
        }
        log.record(.error, "refused",
                   "refused: \(document.file.path) has \(blocking) error-level finding(s); fix them (`replint fix` removes log lines and alembic_version statements) or pass --force")
        return false
    }
}
