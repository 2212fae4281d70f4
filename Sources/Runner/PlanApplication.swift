import PGClient
import SQLSource

/// A real run: session settings, the advisory lock, then the plan's steps in
/// order. Transaction steps are wrapped in a BEGIN/COMMIT the runner sends
/// itself; autocommit steps run statement by statement outside any
/// transaction. On any failure the open transaction is rolled back and the
/// log says exactly which parts had already committed.
struct PlanApplication {
    let request: RunRequest
    let document: SQLDocument
    let plan: ExecutionPlan
    let connection: Connection
    let log: RunLog
    /// What is committed so far, in the words the failure report uses
    /// (`ship` reads it to say what is applied where).
    private(set) var committed: [String] = []
    /// Called after each statement that succeeded, on the run's thread,
    /// with the part it belongs to; `ship` reads the locks the transaction
    /// holds there.
    var afterStatement: ((Statement, ExecutionPlan.Step) -> Void)?
    private let noticeLine = NoticeLine()

    /// Stops the run at the next statement boundary, or fails the current one.
    private struct Failure: Error {
        let statement: Statement?
        let action: String
        let error: PostgresError?
    }

    init(request: RunRequest, document: SQLDocument, plan: ExecutionPlan, connection: Connection, log: RunLog) {
        self.request = request
        self.document = document
        self.plan = plan
        self.connection = connection
        self.log = log
    }

    mutating func run() -> RunOutcome {
        let interruption = RunInterruption(connection: connection)
        interruption.arm()
        defer { interruption.settle() }
        connection.onNotice = { [log, noticeLine] notice in
            let level: RunLog.Level = notice.severity == "WARNING" ? .warning : (notice.severity == "NOTICE" || notice.severity == "INFO" ? .info : .debug)
            let place = noticeLine.line.map { "line \($0): " } ?? ""
            log.record(level, "notice", "\(place)\(notice.severity): \(notice.message)",
                       [RunLog.Field("line", noticeLine.line.map { .int($0) } ?? .null), RunLog.Field("sqlstate", .string(notice.sqlstate))])
        }
        defer { connection.onNotice = nil }
        do {
            try configureSession()
        } catch {
            return report(error, interrupted: interruption.isInterrupted, failedPart: nil)
        }
        let lock = MigrationLock(file: request.file)
        switch lock.acquire(on: connection) {
        case .acquired: break
        case .heldElsewhere(let holder):
            log.record(.error, "locked", "another run of \(request.file.name) is in progress on this database\(holder.map { " (\($0))" } ?? ""): "
                       + "not starting a second one; wait for it to finish, then run again if it failed",
                       [RunLog.Field("lock", .string(lock.description))])
            return .alreadyRunning
        case .failed(let error):
            return report(Failure(statement: nil, action: "taking the advisory lock", error: error), interrupted: false, failedPart: nil)
        }
        if plan.appliesInParts { log.record(.warning, "parts", PartDescription.inParts(plan)) }
        let total = Stopwatch()
        for (index, step) in plan.steps.enumerated() {
            let part = PartDescription(step: step, number: index + 1)
            do {
                try apply(part, interruption: interruption)
            } catch {
                return report(error, interrupted: interruption.isInterrupted, failedPart: part)
            }
        }
        lock.release(on: connection)
        log.record(.info, "done", "applied \(request.file.path): \(plan.statements.count) statement(s) in \(PartDescription.count(plan.steps.count)), \(Stopwatch.format(total.elapsedMilliseconds))",
                   [RunLog.Field("statements", .int(plan.statements.count)), RunLog.Field("parts", .int(plan.steps.count)),
                    RunLog.Field("duration_ms", .double(total.elapsedMilliseconds))])
        return .applied
    }

    /// Session-level, so autocommit steps are bounded too.
    private func configureSession() throws(Failure) {
        // application_name names the file in pg_stat_activity, for whoever looks at the locks.
        var settings = [("application_name", "replint run \(request.file.name)"),
                        ("lock_timeout", request.lockTimeout), ("statement_timeout", request.statementTimeout)]
        // A replint killed mid-statement (SIGKILL, OOM) closes its socket, but a
        // backend learns of that only when it next writes to it: until the
        // statement ends it would hold the transaction's locks and the
        // advisory lock. PostgreSQL 14 and later check the socket this often
        // and roll back at once.
        if connection.serverVersion >= 140000 { settings.append(("client_connection_check_interval", "1s")) }
        for (name, value) in settings {
            do {
                try connection.execute("SET \(name) = \(Connection.quoteLiteral(value))")
            } catch {
                throw Failure(statement: nil, action: "setting \(name) to \(value)", error: error as? PostgresError)
            }
        }
        log.record(.info, "session", "lock_timeout = \(request.lockTimeout), statement_timeout = \(request.statementTimeout == "0" ? "off" : request.statementTimeout)")
    }

    private mutating func apply(_ part: PartDescription, interruption: RunInterruption) throws(Failure) {
        let statements = part.step.statements
        if part.step.isTransaction {
            try send("BEGIN", action: "starting the transaction of part \(part.number)")
            for statement in statements {
                try stopIfInterrupted(interruption, before: statement)
                try execute(statement, part: part)
            }
            try stopIfInterrupted(interruption, before: nil)
            try send("COMMIT", action: "committing part \(part.number) (\(part.lines))")
            committed.append("part \(part.number) (\(part.lines), one transaction)")
            log.record(.info, "committed", "part \(part.number) committed: \(part.lines), \(statements.count) statement(s) in one transaction",
                       [RunLog.Field("part", .int(part.number))])
        } else {
            log.record(.info, "autocommit", "part \(part.number): \(part.lines) run \(part.mode)", [RunLog.Field("part", .int(part.number))])
            for statement in statements {
                try stopIfInterrupted(interruption, before: statement)
                try execute(statement, part: part)
                committed.append("line \(statement.location.line) (\(statement.head), autocommit)")
                log.record(.info, "committed", "line \(statement.location.line) committed on its own (autocommit block)",
                           [RunLog.Field("part", .int(part.number)), RunLog.Field("line", .int(statement.location.line))])
            }
        }
    }

    private func stopIfInterrupted(_ interruption: RunInterruption, before statement: Statement?) throws(Failure) {
        guard interruption.isInterrupted else { return }
        throw Failure(statement: statement, action: "interrupted", error: nil)
    }

    private func send(_ sql: String, action: String) throws(Failure) {
        do {
            try connection.execute(sql)
        } catch {
            throw Failure(statement: nil, action: action, error: error as? PostgresError)
        }
    }

    private func execute(_ statement: Statement, part: PartDescription) throws(Failure) {
        let line = statement.location.line
        noticeLine.line = line
        defer { noticeLine.line = nil }
        log.record(.debug, "statement-start", "line \(line): \(statement.text);", [RunLog.Field("line", .int(line))])
        let clock = Stopwatch()
        let result: QueryResult
        do {
            result = try connection.execute(statement.text)
        } catch {
            throw Failure(statement: statement, action: "running line \(line)", error: error as? PostgresError)
        }
        let elapsed = clock.elapsedMilliseconds
        let rows = result.rowsAffected.map { ", \($0) row(s)" } ?? ""
        log.record(.info, "statement", "line \(line): \(statement.head): \(result.commandTag)\(rows) in \(Stopwatch.format(elapsed))",
                   [RunLog.Field("line", .int(line)), RunLog.Field("part", .int(part.number)),
                    RunLog.Field("transaction", .bool(part.step.isTransaction)), RunLog.Field("command", .string(result.commandTag)),
                    RunLog.Field("rows", result.rowsAffected.map { .int($0) } ?? .null), RunLog.Field("duration_ms", .double(elapsed))])
        ResultRows(result: result, line: line, log: log).write()
        afterStatement?(statement, part.step)
    }

    private mutating func report(_ failure: Failure, interrupted: Bool, failedPart: PartDescription?) -> RunOutcome {
        let rolledBack = rollBackIfOpen()
        let line = failure.statement?.location.line
        var fields = [RunLog.Field("line", line.map { .int($0) } ?? .null)]
        if interrupted {
            log.record(.error, "interrupted", "interrupted by a signal\(line.map { " at line \($0)" } ?? ""): the running statement was cancelled", fields)
        } else {
            let described = FailureDescription(failure.error, statement: failure.statement, file: document.file, lockTimeout: request.lockTimeout)
            fields += described.fields
            log.record(.error, "failed", "\(failure.action) failed: \(described.text)", fields)
        }
        if let failedPart, failure.action.hasPrefix("committing"), connection.transactionStatus == .unknown {
            log.record(.error, "commit-unknown", "the connection was lost during the COMMIT of part \(failedPart.number) (\(failedPart.lines)): "
                       + "whether it committed is unknown; check the database before running the file again",
                       [RunLog.Field("part", .int(failedPart.number))])
        } else if let failedPart, failedPart.step.isTransaction {
            log.record(.error, "rolled-back", "part \(failedPart.number) (\(failedPart.lines)) was \(rolledBack ? "rolled back" : "not committed; the server rolls it back as the session ends"): none of its statements is applied",
                       [RunLog.Field("part", .int(failedPart.number))])
        } else if let statement = failure.statement, Self.leavesInvalidIndex(statement) {
            log.record(.warning, "invalid-index", "line \(statement.location.line) ran outside a transaction: a failed concurrent index build leaves an INVALID index behind; drop it before running the file again")
        }
        let committedField = RunLog.Field("committed", .array(committed.map { .string($0) }))
        if committed.isEmpty {
            log.record(.error, "committed", "nothing was committed: the database is as it was before the run", [committedField])
        } else {
            log.record(.error, "committed", "already committed before the failure, and not undone: \(committed.joined(separator: "; ")); the file is now partly applied",
                       [committedField])
        }
        if let failedPart, failedPart.number < plan.steps.count {
            let rest = (failedPart.number..<plan.steps.count).map { PartDescription(step: plan.steps[$0], number: $0 + 1) }
            log.record(.error, "not-run", "not run: " + rest.map { "part \($0.number) (\($0.lines))" }.joined(separator: ", "))
        }
        let sqlstate: String? = if case .server(let error) = failure.error { error.sqlstate } else { nil }
        return interrupted ? .interrupted : .failed(line: line, sqlstate: sqlstate)
    }

    /// True when the session is now outside any transaction.
    private func rollBackIfOpen() -> Bool {
        switch connection.transactionStatus {
        case .inTransaction, .inFailedTransaction, .active:
            return (try? connection.execute("ROLLBACK")) != nil
        case .idle:
            return true
        case .unknown:
            return false
        }
    }

    private static func leavesInvalidIndex(_ statement: Statement) -> Bool {
        let words = statement.head.uppercased().split(separator: " ")
        return words.contains("CONCURRENTLY") && (words.first == "CREATE" || words.first == "REINDEX")
    }
}

/// The line the running statement started on, for notices that arrive
/// while it runs (libpq calls back on the same thread, so no lock).
private final class NoticeLine {
    var line: Int?
}
