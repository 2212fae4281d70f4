import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationPartitionChange: RuleID = "replication-partition-change"
}

public struct ReplicationPartitionChangeRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationPartitionChange,
        name: "Partition change on a replicated table",
        category: .replication,
        defaultSeverity: .warning,
        summary: "ATTACH/DETACH PARTITION, or CREATE TABLE ... PARTITION OF, on a replicated table.",
        rationale: """
        Partitions are tables of their own to the apply worker. Published without \
        `publish_via_partition_root`, each partition is replicated under its own name, so the \
        subscriber must have the same partitions (`logical replication target relation \
        "hbi.hosts_p4" does not exist`), and a new one is ignored until the subscription is \
        refreshed. Published via the root, rows arrive under the root's name and the subscriber \
        routes them by its own partitioning; a value with no partition on the subscriber stops \
        apply (`no partition of relation "hosts" found for row`). A detached partition stops \
        replicating without a word.
        """,
        safeAlternative: """
        Create and attach the partition on the subscriber first, then on the publisher; refresh \
        the subscription when the publication lists partitions; detach on the publisher first.
        """,
        triggeringExamples: [
            RuleExample("↓CREATE TABLE hbi.hosts_p4 PARTITION OF hbi.hosts FOR VALUES IN (4);", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int, k int, PRIMARY KEY (id, k)) PARTITION BY LIST (k); CREATE PUBLICATION p FOR TABLE hbi.hosts WITH (publish_via_partition_root = true);"),
            RuleExample("↓ALTER TABLE \"hbi\".\"hosts\" DETACH PARTITION hbi.hosts_p1;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int, k int, PRIMARY KEY (id, k)) PARTITION BY LIST (k); CREATE TABLE hbi.hosts_p1 PARTITION OF hbi.hosts FOR VALUES IN (1); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
            RuleExample("↓ALTER TABLE hbi.hosts ATTACH PARTITION hbi.hosts_p2 FOR VALUES IN (2);", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.audit_p1 PARTITION OF hbi.audit FOR VALUES IN (1);", note: "A table outside the publication", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.audit (k int) PARTITION BY LIST (k); CREATE TABLE hbi.hosts (id int PRIMARY KEY); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
            RuleExample("CREATE TABLE hbi.t (id int, k int) PARTITION BY LIST (k);\nCREATE TABLE hbi.t1 PARTITION OF hbi.t FOR VALUES IN (1);", note: "A table created in the same file"),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN notes text;", baseline: ExampleBaselines.published),
        ],
        notes: ReplicationNotes.make(
            order: "New or attached partitions: subscriber-first. Detached partitions: publisher-first.",
            error: "`logical replication target relation \"hbi.hosts_p4\" does not exist`; `no partition of relation \"hosts\" found for row`.",
            docs: ReplicationNotes.publication))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let node = statement.node else { return }
        if let create = node.createTable, create.isPartition, let parent = create.inherits.first,
           let table = context.replicatedTable(parent) {
            found.report("creates partition `\(create.relation.qualifiedName)` of \(table.described): the subscriber needs the same partition before rows for it arrive; create it there first",
                         help: HelpText.partitionFirst(statement), needs: .subscriberFirst, because: "a new partition of a replicated table: the subscriber needs it before rows for it arrive")
        } else if let alter = node.alterTable, let table = context.replicatedTable(alter.relation) {
            let reason = "changes the partitions of a replicated table"
            for (index, command) in alter.commands.enumerated() {
                switch command.action {
                case .attachPartition:
                    found.report("attaches `\(command.partition?.qualifiedName ?? "?")` to \(table.described): the subscriber needs the same partition first, or apply stops (`no partition of relation ... found for row`)",
                                 needs: .either, because: reason, command: index)
                case .detachPartition, .detachPartitionFinalize:
                    found.report("detaches `\(command.partition?.qualifiedName ?? "?")` from \(table.described): its rows stop replicating without a word; detach on the publisher first",
                                 needs: .either, because: reason, command: index)
                default:
                    continue
                }
            }
        }
    }
}
