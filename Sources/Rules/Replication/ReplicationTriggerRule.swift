import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationTrigger: RuleID = "replication-trigger"
}

public struct ReplicationTriggerRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationTrigger,
        name: "Trigger on a replicated table",
        category: .replication,
        defaultSeverity: .warning,
        summary: "CREATE TRIGGER or ENABLE TRIGGER on a replicated table: it does not fire for replicated rows.",
        rationale: """
        The apply worker runs with `session_replication_role = replica`: ordinary triggers do not \
        fire for replicated rows, so a trigger that maintains something on the subscriber \
        (an audit row, a derived column, a counter) silently stops doing it there. `ENABLE \
        ALWAYS TRIGGER` makes it fire, but a trigger whose result the publisher's row already \
        carries then runs twice in effect (rows diverged in a test). Decide per trigger.
        """,
        safeAlternative: """
        If the trigger's effect travels with the row (a derived column), leave it origin-only: \
        the publisher computes it. If it writes something the subscriber needs and the publisher \
        does not replicate, consider `ALTER TABLE ... ENABLE ALWAYS TRIGGER name;` on the \
        subscriber only.
        """,
        triggeringExamples: [
            RuleExample("↓CREATE TRIGGER hosts_touch BEFORE UPDATE ON hbi.hosts FOR EACH ROW EXECUTE FUNCTION hbi.touch();", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE \"hbi\".\"groups\" ENABLE TRIGGER groups_audit;", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE hbi.hosts ENABLE ALWAYS TRIGGER hosts_touch;", note: "Fires twice in effect when the row already carries its result", baseline: ExampleBaselines.published),
            RuleExample("↓CREATE TRIGGER t AFTER INSERT ON hosts FOR EACH ROW EXECUTE FUNCTION f();", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TRIGGER audit_touch BEFORE UPDATE ON hbi.audit FOR EACH ROW EXECUTE FUNCTION hbi.touch();", note: "A table outside the publication", baseline: ExampleBaselines.published),
            RuleExample("CREATE TABLE hbi.t (id int PRIMARY KEY);\nCREATE TRIGGER t_touch BEFORE UPDATE ON hbi.t FOR EACH ROW EXECUTE FUNCTION hbi.touch();", note: "A table created in the same file"),
            RuleExample("ALTER TABLE hbi.hosts DISABLE TRIGGER hosts_touch;", baseline: ExampleBaselines.published),
        ],
        notes: ReplicationNotes.make(
            order: "Either; the question is where the trigger should fire.",
            error: "None: the trigger silently does not run for replicated rows.",
            docs: ReplicationNotes.triggers))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let node = statement.node else { return }
        if let trigger = node.createTrigger, let table = context.replicatedTable(trigger.relation) {
            found.report("creates trigger `\(trigger.name)` on \(table.described): it does not fire for replicated rows on the subscriber; decide whether the subscriber needs its effect",
                         help: HelpText.triggerForReplicatedRows(table, trigger: trigger.name),
                         needs: .either, because: "a trigger on a replicated table does not fire for replicated rows")
        } else if let alter = node.alterTable, let table = context.replicatedTable(alter.relation) {
            let reason = "enables a trigger on a replicated table"
            for (index, command) in alter.commands.enumerated() {
                switch command.action {
                case .enableTrigger, .enableAllTriggers, .enableUserTriggers:
                    found.report("enables trigger `\(command.name ?? "ALL")` on \(table.described): it fires on the publisher only, not for replicated rows on the subscriber",
                                 help: HelpText.triggerForReplicatedRows(table, trigger: command.name ?? "ALL"),
                                 needs: .either, because: reason, command: index)
                case .enableAlwaysTrigger:
                    found.report("ENABLE ALWAYS TRIGGER `\(command.name ?? "?")` on \(table.described): it also fires for replicated rows, so a result the publisher's row already carries is computed again",
                                 help: HelpText.alwaysTrigger(table, trigger: command.name ?? "?"),
                                 needs: .either, because: reason, command: index)
                case .enableReplicaTrigger:
                    // Firing for replicated rows only is what a replica trigger is for.
                    found.declare(either: reason, command: index)
                default:
                    continue
                }
            }
        }
    }
}
