import Lint
import Schema
import SQLSource

public struct ReplicationSequenceChangeRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: ReplicationRuleID.sequenceChange,
        name: "Sequence change",
        category: .replication,
        defaultSeverity: .warning,
        summary: "setval(), ALTER SEQUENCE RESTART/INCREMENT, identity restarts.",
        rationale: """
        Sequences are not replicated: the subscriber's sequences stay where they were while \
        replicated rows carry the publisher's values. A restart or a new increment applied on one \
        side only leaves the other behind, and after a failover to the subscriber new rows \
        collide with existing keys (`duplicate key value violates unique constraint`).
        """,
        safeAlternative: """
        Change sequences on the publisher, and after a failover move the subscriber's sequences \
        past the replicated maximum: `SELECT setval('hbi.hosts_id_seq', (SELECT max(id) FROM \
        hbi.hosts));` there.
        """,
        triggeringExamples: [
            RuleExample("↓SELECT setval('hbi.hosts_id_seq', 1000);"),
            RuleExample("↓ALTER SEQUENCE \"hbi\".\"Events_id_seq\" RESTART WITH 1;"),
            RuleExample("↓ALTER SEQUENCE hbi.ids INCREMENT BY 10;"),
            RuleExample("↓ALTER TABLE hbi.hosts ALTER COLUMN n RESTART WITH 100;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, n int GENERATED ALWAYS AS IDENTITY); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
            RuleExample("↓TRUNCATE hbi.audit RESTART IDENTITY;", baseline: ExampleBaselines.published),
        ],
        nonTriggeringExamples: [
            RuleExample("SELECT nextval('hbi.ids');"),
            RuleExample("ALTER SEQUENCE hbi.ids OWNED BY hbi.hosts.id;"),
            RuleExample("CREATE SEQUENCE hbi.ids START 1;"),
            RuleExample("ALTER TABLE hbi.audit ALTER COLUMN n RESTART WITH 100;", note: "A table outside the publication", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.audit (n int GENERATED ALWAYS AS IDENTITY); CREATE TABLE hbi.hosts (id int PRIMARY KEY); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
        ],
        notes: ReplicationNotes.make(
            order: "Either: sequences never travel.",
            error: "After a failover: `duplicate key value violates unique constraint`.",
            docs: ReplicationNotes.restrictions))

    private static let movingOptions: Set<String> = ["restart", "increment", "start", "minvalue", "maxvalue"]

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let node = statement.node else { return [] }
        let range = statement.range
        if ApplyOrderClassifier.callsSetval(node) {
            return [Violation(range: range, message: "setval() moves a sequence on this side only: sequences are not replicated, so the other side is left behind and a failover collides")]
        }
        if let alter = node.alterSequence, alter.options.contains(where: { Self.movingOptions.contains($0.name) }) {
            return [Violation(range: range, message: "changes sequence `\(alter.relation.qualifiedName)` on this side only: sequences are not replicated, so the other side is left behind and a failover collides")]
        }
        if let alter = node.alterTable, alter.commands.contains(where: { $0.action == .setIdentity && restarts($0) }),
           let table = context.replicatedTable(alter.relation) {
            return [Violation(range: range, message: "restarts an identity sequence of \(table.described): sequences are not replicated, so the other side is left behind and a failover collides")]
        }
        if let truncate = node.truncate, truncate.restartsIdentity {
            return [Violation(range: range, message: "TRUNCATE ... RESTART IDENTITY resets sequences on this side only: sequences are not replicated")]
        }
        return []
    }

    private func restarts(_ command: AlterTableCommand) -> Bool {
        command.definition?.list?.contains { $0.defElem.map { Self.movingOptions.contains($0.name) } ?? false } ?? false
    }
}
