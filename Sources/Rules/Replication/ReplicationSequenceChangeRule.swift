import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationSequenceChange: RuleID = "replication-sequence-change"
}

public struct ReplicationSequenceChangeRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationSequenceChange,
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

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let node = statement.node else { return }
        let reason = "sequences are not replicated"
        if node.isSelect && node.descendants().contains(where: { $0.functionCall?.name.last?.lowercased() == "setval" }) {
            found.report("setval() moves a sequence on this side only: sequences are not replicated, so the other side is left behind and a failover collides",
                         help: HelpText.sequenceChange(statement), needs: .either, because: reason)
        } else if let alter = node.alterSequence {
            guard alter.options.contains(where: { Self.movingOptions.contains($0.name) }) else { found.declare(either: reason); return }
            found.report("changes sequence `\(alter.relation.qualifiedName)` on this side only: sequences are not replicated, so the other side is left behind and a failover collides",
                         help: HelpText.sequenceChange(statement), needs: .either, because: reason)
        } else if let alter = node.alterTable, let table = context.replicatedTable(alter.relation) {
            for (index, command) in alter.commands.enumerated() where command.action == .setIdentity {
                found.declare(either: "changes an identity column's sequence", command: index)
            }
            if alter.commands.contains(where: { $0.action == .setIdentity && restarts($0) }) {
                found.report("restarts an identity sequence of \(table.described): sequences are not replicated, so the other side is left behind and a failover collides")
            }
        } else if let truncate = node.truncate, truncate.restartsIdentity {
            // TRUNCATE's own order is replication-truncate's.
            found.report("TRUNCATE ... RESTART IDENTITY resets sequences on this side only: sequences are not replicated")
        }
    }

    private func restarts(_ command: AlterTableCommand) -> Bool {
        command.definition?.list?.contains { $0.defElem.map { Self.movingOptions.contains($0.name) } ?? false } ?? false
    }
}
