import PGClient
import SQLSource

/// Applies the file to one side exactly as `replint run` does: the same
/// `PlanApplication` (session timeouts, the advisory lock, one transaction
/// per part, autocommit blocks outside it, rollback and an account of what
/// committed), plus a trace of the relation locks the file's transactions
/// held, for the report.
struct ShipSideApplication {
    let side: ShipSide
    let request: RunRequest
    let document: SQLDocument
    let plan: ExecutionPlan
    let connection: Connection
    let log: RunLog

    func apply(into phase: inout ShipReport.Phase) -> RunOutcome {
        log.record(.info, "ship-phase", "applying \(request.file.path) on the \(side.rawValue)",
                   [RunLog.Field("side", .string(side.rawValue))])
        var application = PlanApplication(request: request, document: document, plan: plan, connection: connection, log: log)
        let trace = LockTrace()
        application.afterStatement = { [connection] _, step in
            // Locks of an autocommit statement end with it; inside a
            // transaction they last until its COMMIT.
            guard step.isTransaction else { return }
            trace.add(LockTrace.held(on: connection))
        }
        let clock = Stopwatch()
        let outcome = application.run()
        phase.durationMilliseconds = clock.elapsedMilliseconds
        phase.committed = application.committed
        phase.locks = trace.locks
        switch outcome {
        case .applied:
            phase.status = .ok
            phase.notes.append("\(plan.statements.count) statement(s) in \(plan.steps.count) part(s) applied")
        case .interrupted:
            phase.status = .interrupted
            phase.notes.append("interrupted by a signal: the running statement was cancelled and its transaction rolled back")
        case .failed(let line, let sqlstate):
            phase.status = .failed
            phase.notes.append("failed" + (line.map { " at line \($0)" } ?? "") + (sqlstate.map { " (SQLSTATE \($0))" } ?? "")
                               + "; the log above has PostgreSQL's message; the failing part was rolled back")
        case .alreadyRunning:
            phase.status = .failed
            phase.notes.append("another run of \(request.file.name) holds the advisory lock on the \(side.rawValue): nothing was applied")
        case .refused, .dryRun, .cannotConnect:
            phase.status = .failed
        }
        return outcome
    }

    /// What the side now has of the file, for the report's last lines.
    static func applied(_ outcome: RunOutcome, phase: ShipReport.Phase, statements: Int) -> String {
        if outcome == .applied { return "the whole file (\(statements) statement(s))" }
        if phase.committed.isEmpty { return "nothing (rolled back)" }
        return "partly: " + phase.committed.joined(separator: "; ") + " committed, the rest not"
    }
}

/// Relation locks seen during the file's transactions, each once, in the
/// order first seen. A class: the runner's callback adds to it.
private final class LockTrace {
    private(set) var locks: [String] = []

    func add(_ found: [String]) {
        for lock in found where !locks.contains(lock) { locks.append(lock) }
    }

    /// The session's granted relation locks, system catalogues left out
    /// (reading pg_locks takes some of its own).
    static func held(on connection: Connection) -> [String] {
        let sql = """
            SELECT l.mode, c.oid::regclass::text
            FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            ORDER BY 2, 1
            """
        let rows = (try? connection.execute(sql).rows) ?? []
        return rows.map { "\(($0[0] ?? "?").replacingLockSuffix()) \($0[1] ?? "?")" }
    }
}

private extension String {
    /// `AccessExclusiveLock` -> `ACCESS EXCLUSIVE`, as the documentation names the modes.
    func replacingLockSuffix() -> String {
        let name = hasSuffix("Lock") ? String(dropLast(4)) : self
        var words: [String] = []
        for character in name {
            if character.isUppercase || words.isEmpty { words.append(String(character)) } else { words[words.count - 1].append(character) }
        }
        return words.joined(separator: " ").uppercased()
    }
}
