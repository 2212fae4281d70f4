import PGClient
import SQLSource

/// What a dry run prints: every statement that would run, with its line,
/// grouped as the real run would apply them. Nothing is sent to the server.
struct DryRunReport {
    let file: MigrationFile
    let plan: ExecutionPlan
    let log: RunLog

    func write(lockTimeout: String, statementTimeout: String) {
        log.record(.info, "dry-run", "dry run: nothing will be executed; a real run would set lock_timeout = \(lockTimeout)"
                   + ", statement_timeout = \(statementTimeout == "0" ? "off" : statementTimeout)")
        if plan.appliesInParts {
            log.record(.warning, "parts", PartDescription.inParts(plan))
        }
        for (index, step) in plan.steps.enumerated() {
            let part = PartDescription(step: step, number: index + 1)
            log.record(.info, "would-run-part", "part \(part.number): \(part.mode), \(part.lines)",
                       [RunLog.Field("part", .int(part.number)), RunLog.Field("transaction", .bool(step.isTransaction))])
            for statement in step.statements {
                log.record(.info, "would-run", "line \(statement.location.line): \(statement.text);",
                           [RunLog.Field("line", .int(statement.location.line)), RunLog.Field("part", .int(part.number)),
                            RunLog.Field("transaction", .bool(step.isTransaction)), RunLog.Field("sql", .string(statement.text))])
            }
        }
        log.record(.info, "dry-run-done", "dry run of \(file.path) done: \(plan.statements.count) statement(s) would run in \(PartDescription.count(plan.steps.count))",
                   [RunLog.Field("statements", .int(plan.statements.count)), RunLog.Field("parts", .int(plan.steps.count))])
    }
}

/// How a step of the plan is named in the log, the same way in a dry run,
/// a real run, and the account of what committed after a failure.
struct PartDescription {
    let step: ExecutionPlan.Step
    let number: Int

    var mode: String {
        step.isTransaction ? "one transaction" : "outside any transaction (autocommit block: each statement commits on its own)"
    }

    var lines: String {
        let first = step.statements.first?.location.line ?? 0
        let last = step.statements.last?.location.line ?? 0
        return first == last ? "line \(first)" : "lines \(first)-\(last)"
    }

    /// "one part", "3 parts".
    static func count(_ parts: Int) -> String { parts == 1 ? "one part" : "\(parts) parts" }

    static func inParts(_ plan: ExecutionPlan) -> String {
        let parts = plan.steps.enumerated().map { index, step in
            let part = PartDescription(step: step, number: index + 1)
            return "part \(part.number) (\(part.lines), \(step.isTransaction ? "transaction" : "autocommit"))"
        }
        let commit = plan.steps.count == 1 ? "that commits on its own" : "that commit separately"
        return "the file has autocommit blocks, so it is applied in \(count(plan.steps.count)) \(commit): "
            + parts.joined(separator: ", ") + "; a failure rolls back only the part that fails"
    }
}
