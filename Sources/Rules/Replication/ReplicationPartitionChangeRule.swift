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
        summary: "ATTACH/DETACH PARTITION, or CREATE TABLE ... PARTITION OF, on a replicated table; an ATTACH PARTITION PostgreSQL refuses (a cycle), on any table.",
        rationale: """
        Partitions are tables of their own to the apply worker. Published without \
        `publish_via_partition_root`, each partition is replicated under its own name, so the \
        subscriber must have the same partitions (`logical replication target relation \
        "hbi.hosts_p4" does not exist`), and a new one is ignored until the subscription is \
        refreshed. Published via the root, rows arrive under the root's name and the subscriber \
        routes them by its own partitioning; a value with no partition on the subscriber stops \
        apply (`no partition of relation "hosts" found for row`). A detached partition stops \
        replicating without a word. Attaching a table to itself or to one of its own partitions \
        fails on every side (`circular inheritance not allowed`), as does attaching a table that \
        is already a partition: an error, whatever the table's replication, and replint's model \
        leaves the statement out as PostgreSQL does.
        """,
        safeAlternative: """
        Create and attach the partition on the subscriber first, then on the publisher; refresh \
        the subscription when the publication lists partitions; detach on the publisher first.
        """,
        triggeringExamples: [
            RuleExample("↓CREATE TABLE hbi.hosts_p4 PARTITION OF hbi.hosts FOR VALUES IN (4);", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int, k int, PRIMARY KEY (id, k)) PARTITION BY LIST (k); CREATE PUBLICATION p FOR TABLE hbi.hosts WITH (publish_via_partition_root = true);"),
            RuleExample("↓ALTER TABLE \"hbi\".\"hosts\" DETACH PARTITION hbi.hosts_p1;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int, k int, PRIMARY KEY (id, k)) PARTITION BY LIST (k); CREATE TABLE hbi.hosts_p1 PARTITION OF hbi.hosts FOR VALUES IN (1); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
            RuleExample("↓ALTER TABLE hbi.hosts ATTACH PARTITION hbi.hosts_p2 FOR VALUES IN (2);", note: "Without a baseline"),
            RuleExample("CREATE TABLE p (id int, k int) PARTITION BY LIST (k);\n↓ALTER TABLE p ATTACH PARTITION p FOR VALUES IN (1);\nDROP TABLE p;", note: "An error: `circular inheritance not allowed`, on any table"),
            RuleExample("↓ALTER TABLE b ATTACH PARTITION a FOR VALUES IN (2);", note: "Two tables attached to each other", baseline: "CREATE TABLE a (id int, k int) PARTITION BY LIST (k); CREATE TABLE b (id int, k int) PARTITION BY LIST (k); ALTER TABLE a ATTACH PARTITION b FOR VALUES IN (1);"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.audit_p1 PARTITION OF hbi.audit FOR VALUES IN (1);", note: "A table outside the publication", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.audit (k int) PARTITION BY LIST (k); CREATE TABLE hbi.hosts (id int PRIMARY KEY); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
            RuleExample("CREATE TABLE hbi.t (id int, k int) PARTITION BY LIST (k);\nCREATE TABLE hbi.t1 PARTITION OF hbi.t FOR VALUES IN (1);", note: "A table created in the same file"),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN notes text;", baseline: ExampleBaselines.published),
        ],
        notes: ReplicationNotes.make(
            order: "New or attached partitions: subscriber-first. Detached partitions: publisher-first.",
            error: "`logical replication target relation \"hbi.hosts_p4\" does not exist`; `no partition of relation \"hosts\" found for row`; for a cycle, `circular inheritance not allowed` (`DETAIL: \"p\" is already a child of \"p\".`); `\"hosts_p1\" is already a partition`.",
            docs: ReplicationNotes.publication))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let node = statement.node else { return }
        if let create = node.createTable, create.isPartition, let parent = create.inherits.first,
           let table = context.replicatedTable(parent) {
            found.report("creates partition `\(create.relation.qualifiedName)` of \(table.described): the subscriber needs the same partition before rows for it arrive; create it there first",
                         help: HelpText.partitionFirst(statement), needs: .subscriberFirst, because: "a new partition of a replicated table: the subscriber needs it before rows for it arrive")
        } else if let alter = node.alterTable, let refusal = context.publisherCatalog.refusal(of: node, searchPath: context.searchPath),
                  let help = Self.help(refusal, alter, context) {
            // Refused whatever the table's replication: the statement fails on every side.
            found.report("PostgreSQL refuses this statement: `\(refusal.message)`\(refusal.detail.map { " (`\($0)`)" } ?? ""); the model leaves it out, as the server does",
                         help: help, severity: .error)
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

    /// The help for a refused ATTACH PARTITION; nil for refusals of other rules.
    static func help(_ refusal: Refusal, _ alter: AlterTable, _ context: LintContext) -> String? {
        let table = context.qualified(alter.relation)
        switch refusal.cause {
        case .circularInheritance(let partition):
            let inside = partition == table ? "a table cannot be a partition of itself" : "`\(table)` is already inside `\(partition)`'s partition tree"
            return "Remove the statement: \(inside). To give `\(table)` a partition, create a new table: `CREATE TABLE \(QualifiedName(table.schema, table.name + "_p1")) PARTITION OF \(table) FOR VALUES ...;`."
        case .alreadyPartition(let partition):
            let parent = context.publisherCatalog.table(partition)?.parent.map(\.description) ?? "its parent"
            return "Detach it first: `ALTER TABLE \(parent) DETACH PARTITION \(partition);`, then attach it to `\(table)`."
        default:
            return nil
        }
    }
}
