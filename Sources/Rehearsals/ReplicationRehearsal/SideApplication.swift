import PGClient
import PGServers
import SQLSource

/// Applies a migration's plan to one side of the pair as `replint run`
/// would: each transaction step in a BEGIN/COMMIT replint sends itself, each
/// autocommit statement on its own. Here the result really commits: the
/// pair is thrown away, and the next phase must meet what production will.
struct SideApplication {
    let plan: ExecutionPlan
    let connection: Connection
    let side: ReplicationPair.Side

    /// The statements that ran, and the failure that stopped the side, if any.
    func apply() -> (applied: [ReplicationRehearsalReport.AppliedStatement], failure: ReplicationRehearsalReport.Problem?) {
        var applied: [ReplicationRehearsalReport.AppliedStatement] = []
        defer { _ = try? connection.execute("RESET ALL") }
        for step in plan.steps {
            var current: Statement?
            do {
                if step.isTransaction { try connection.execute("BEGIN") }
                for statement in step.statements {
                    current = statement
                    let clock = Stopwatch()
                    let result = try connection.execute(statement.text)
                    applied.append(.init(line: statement.location.line, head: statement.head, commandTag: result.commandTag,
                                         milliseconds: clock.elapsedMilliseconds, autocommit: !step.isTransaction))
                }
                current = nil
                if step.isTransaction { try connection.execute("COMMIT") }
            } catch {
                if connection.transactionStatus != .idle { _ = try? connection.execute("ROLLBACK") }
                if step.isTransaction {
                    // The step's statements were rolled back with it.
                    let lines = Set(step.statements.map(\.location.line))
                    applied.removeAll { lines.contains($0.line) && !$0.autocommit }
                }
                let (message, detail) = Self.describe(error)
                let line = (current ?? step.statements.last).map { [$0.location.line] } ?? []
                let what = current.map { "`\($0.head)`" } ?? "the COMMIT"
                return (applied, .init(kind: .statementFailed, side: side, message: "\(what) failed on the \(side): \(message)",
                                       detail: detail, logLine: nil, table: nil, lines: line))
            }
        }
        return (applied, nil)
    }

    /// PostgreSQL's message and DETAIL, or the client's description.
    static func describe(_ error: Error) -> (message: String, detail: String?) {
        if case PostgresError.server(let server) = error { return (server.message, server.detail) }
        return ("\(error)", nil)
    }
}
