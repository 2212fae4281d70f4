import PGClient
import SQLSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file rehearsed on one connection: statements sent in the plan's
/// order, each timed and its new locks traced, the first failure ending the
/// run, and the rollback checked against a catalogue fingerprint.
struct FileRun {
    /// The runner's default `--lock-timeout`.
    static let sharedDatabaseLockTimeout = "5s"
    let plan: ExecutionPlan
    let sender: DocumentSender
    let connection: Connection
    var report: RehearsalReport
    private var existing = RelationDirectory()
    private var replicated: Set<String> = []
    private var configuredReplicated: [String] = []
    /// Locks held before the next statement, inside the open transaction.
    private var heldLocks: Set<HeldLock> = []

    init(plan: ExecutionPlan, sender: DocumentSender, connection: Connection, report: RehearsalReport) {
        self.plan = plan
        self.sender = sender
        self.connection = connection
        self.report = report
    }

    /// replint's own cluster: the file's autocommit blocks really commit, and
    /// so does each transaction followed by one (the block builds on it, as
    /// it will for real). The transaction after the last autocommit block,
    /// or the whole file when it has none, is rolled back and checked.
    mutating func onThrowawayCluster(replicatedTables: [String]) throws {
        try lookAtDatabase(replicatedTables: replicatedTables)
        let rolledBackFrom = (plan.steps.lastIndex { !$0.isTransaction }).map { $0 + 1 } ?? 0
        for (index, step) in plan.steps.enumerated() {
            if !step.isTransaction {
                for statement in step.statements {
                    guard try run(statement, as: .committed, traced: false, notes: [
                        "autocommit block: ran outside a transaction and committed, as it will for real; "
                        + "its locks end with it and are not traced"]) else { return }
                }
                continue
            }
            let rollsBack = index >= rolledBackFrom
            let before = try CatalogFingerprint.read(on: connection)
            try begin()
            let firstRecord = report.statements.count
            var completed = true
            for statement in step.statements where completed {
                completed = try run(statement, as: rollsBack ? .rolledBack : .committed, traced: true)
            }
            if completed && !rollsBack {
                try connection.execute("COMMIT")
                settleHolds(from: firstRecord)
                continue
            }
            try connection.execute("ROLLBACK")
            settleHolds(from: firstRecord)
            // A transaction meant to commit was rolled back by its failure.
            for i in report.statements.indices.dropFirst(firstRecord) where report.statements[i].execution == .committed {
                report.statements[i].execution = .rolledBack
            }
            let lines = "lines \(step.statements.first!.location.line)-\(step.statements.last!.location.line)"
            report.rollback = .init(scope: completed ? "the file's last transaction (\(lines))" : "the transaction that failed (\(lines))",
                                    before: before, after: try CatalogFingerprint.read(on: connection))
            return
        }
        if plan.steps.last.map({ !$0.isTransaction }) ?? false {
            report.notes.append("the file ends with an autocommit block: everything committed on the throwaway cluster, "
                                + "so there is no rollback to check")
        }
    }

    /// Someone else's database: baseline, seed and file in one transaction,
    /// rolled back; what cannot run in a transaction is rehearsed in its
    /// in-transaction form or reported.
    mutating func inOneTransaction(replicatedTables: [String],
                                   loadBaseline: () throws(Rehearsal.SetupError) -> [String]) throws {
        let before = try CatalogFingerprint.read(on: connection)
        try connection.execute("BEGIN")
        report.setupNotes += try loadBaseline()
        // A shared database has other sessions: a statement queued behind one
        // of them for an ACCESS EXCLUSIVE lock would block everyone queued
        // behind it. Fail instead, as the runner does; the file's own SET wins.
        try connection.execute("SET LOCAL lock_timeout = '\(Self.sharedDatabaseLockTimeout)'")
        try lookAtDatabase(replicatedTables: replicatedTables)
        try begin()
        for step in plan.steps {
            for statement in step.statements {
                let completed: Bool
                if step.isTransaction {
                    completed = try run(statement, as: .rolledBack, traced: true)
                } else if statement.node?.transactionBlockRestriction == nil {
                    completed = try run(statement, as: .rolledBack, traced: true, notes: [
                        "autocommit block: commits on its own when run for real; rehearsed inside the transaction"])
                } else if let form = InTransactionForm.of(statement) {
                    completed = try run(statement, as: .inTransactionForm, traced: true, sending: form, notes: [
                        "rehearsed as `\(Statement.headText(form))`: this proves it succeeds on this schema, but the locks differ; "
                        + "with CONCURRENTLY it takes SHARE UPDATE EXCLUSIVE and waits for running transactions instead"])
                } else {
                    report.statements.append(.init(
                        line: statement.location.line, column: statement.location.column, range: statement.range,
                        head: statement.head, execution: .notRehearsable, locksTraced: false,
                        notes: ["not rehearsable in a transaction: \(statement.node?.transactionBlockRestriction ?? "it") "
                                + "cannot run inside a transaction block, and on --database-url everything stays in one"]))
                    completed = true
                }
                if !completed { return try rollBack(comparingWith: before) }
            }
        }
        try rollBack(comparingWith: before)
    }

    private mutating func rollBack(comparingWith before: CatalogFingerprint) throws {
        try connection.execute("ROLLBACK")
        settleHolds(from: 0)
        report.rollback = .init(scope: "the whole database, before the rehearsal began and after its rollback",
                                before: before, after: try CatalogFingerprint.read(on: connection))
    }

    private mutating func lookAtDatabase(replicatedTables: [String]) throws {
        existing = try RelationDirectory.read(on: connection)
        replicated = try PublishedTables.read(on: connection)
        configuredReplicated = replicatedTables
    }

    /// Once the transaction holding records `first...` has ended: each lock
    /// they took was held from its statement through the transaction's last.
    private mutating func settleHolds(from first: Int) {
        guard let lastLine = report.statements.last?.line, first < report.statements.count else { return }
        var remaining = 0.0
        for index in report.statements.indices.dropFirst(first).reversed() {
            remaining += report.statements[index].durationMilliseconds ?? 0
            for lock in report.statements[index].locks.indices {
                report.statements[index].locks[lock].heldMilliseconds = remaining
                report.statements[index].locks[lock].heldThroughLine = lastLine
            }
        }
    }

    private mutating func begin() throws {
        if connection.transactionStatus == .idle { try connection.execute("BEGIN") }
        heldLocks = try LockSnapshot.take(on: connection, naming: existing)
    }

    /// Runs one statement and records it; false when it failed (recorded
    /// as the report's failure).
    private mutating func run(_ statement: Statement, as execution: RehearsalReport.Execution, traced: Bool,
                              sending text: String? = nil, notes: [String] = []) throws -> Bool {
        var record = RehearsalReport.StatementRecord(
            line: statement.location.line, column: statement.location.column, range: statement.range, head: statement.head,
            execution: execution, locksTraced: traced, notes: notes)
        var notices: [String] = []
        let filesBefore = try TableFiles.read(on: connection)
        connection.onNotice = { notices.append("\($0.severity): \($0.message)") }
        defer { connection.onNotice = nil }
        let started = monotonicNanoseconds()
        do {
            let result = try text.map { try connection.execute($0) } ?? sender.send(statement, on: connection)
            record.durationMilliseconds = Double(monotonicNanoseconds() - started) / 1_000_000
            record.commandTag = result.commandTag
            record.rows = result.rowsAffected
        } catch {
            record.durationMilliseconds = Double(monotonicNanoseconds() - started) / 1_000_000
            record.notices = notices
            record.failed = true
            report.statements.append(record)
            report.failure = failure(of: statement, error)
            return false
        }
        record.notices = notices
        let filesAfter = try TableFiles.read(on: connection)
        record.rewrote = filesBefore.rewritten(in: filesAfter)
        record.rewrotePartitionsOf = Set(filesBefore.rewrittenIDs(in: filesAfter).compactMap { existing.partitionRoots[$0] }).sorted()
        if traced {
            let now = try LockSnapshot.take(on: connection, naming: existing)
            record.locks = now.subtracting(heldLocks).map(trace).sorted {
                ($0.lock.relation, $0.lock.mode) < ($1.lock.relation, $1.lock.mode)
            }
            heldLocks = now
        }
        report.statements.append(record)
        return true
    }

    private func trace(_ lock: HeldLock) -> RehearsalReport.TracedLock {
        let names = [lock.relation] + (existing.partitionRoots[lock.relationID].map { [$0] } ?? [])
        let isReplicated = names.contains { name in
            let bareName = name.split(separator: ".").last.map(String.init) ?? name
            return replicated.contains(name)
                || configuredReplicated.contains { $0 == name || (!$0.contains(".") && $0 == bareName) }
        }
        return .init(lock: lock, existedBefore: existing.relations[lock.relationID] != nil, replicated: isReplicated)
    }

    private func failure(of statement: Statement, _ error: Error) -> RehearsalReport.Failure {
        guard case PostgresError.server(let server) = error else {
            return .init(line: statement.location.line, column: statement.location.column, head: statement.head,
                         sqlstate: nil, message: "\(error)", detail: nil, hint: nil, errorLine: nil)
        }
        // The server counts characters of the text sent, which is the
        // statement's own text unless an in-transaction form was sent.
        let errorLine = server.position.map { position in
            statement.location.line + statement.text.prefix(max(0, position - 1)).filter { $0 == "\n" }.count
        }
        return .init(line: statement.location.line, column: statement.location.column, head: statement.head,
                     sqlstate: server.sqlstate, message: server.message, detail: server.detail, hint: server.hint,
                     errorLine: errorLine)
    }
}

func monotonicNanoseconds() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
}
