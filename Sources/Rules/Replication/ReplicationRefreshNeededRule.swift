import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationRefreshNeeded: RuleID = "replication-refresh-needed"
}

public struct ReplicationRefreshNeededRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationRefreshNeeded,
        name: "Subscription needs REFRESH PUBLICATION",
        category: .replication,
        defaultSeverity: .warning,
        summary: "A new table under FOR ALL TABLES / TABLES IN SCHEMA, ATTACH PARTITION under a root published without publish_via_partition_root, or SET SCHEMA into a published schema.",
        rationale: """
        A subscription knows the tables it had when it was created or last refreshed. A table a \
        publication picks up later is published at once, but the subscriber ignores its changes \
        until `ALTER SUBSCRIPTION ... REFRESH PUBLICATION`: until then its copy silently stays \
        behind, and a refresh with `copy_data = false` never brings what was written meanwhile. \
        (The default `copy_data = true` copies the table as it is at the refresh.) The same holds \
        for a partition attached under a root published with `publish_via_partition_root = \
        false`, and for a table moved into a published schema.
        """,
        safeAlternative: """
        After the migration has reached both sides, run on the subscriber: `ALTER SUBSCRIPTION \
        <name> REFRESH PUBLICATION;` (with `copy_data = true`, the default, it copies what the \
        table holds), or publish via the partition root.
        """,
        triggeringExamples: [
            RuleExample("↓CREATE TABLE hbi.events (id bigint PRIMARY KEY);", baseline: ExampleBaselines.allTables),
            RuleExample("↓CREATE TABLE \"hbi\".\"Events\" (id bigint PRIMARY KEY);", baseline: "CREATE SCHEMA hbi; CREATE PUBLICATION p FOR TABLES IN SCHEMA hbi;"),
            RuleExample("↓ALTER TABLE hbi.hosts ATTACH PARTITION hbi.hosts_p1 FOR VALUES IN (1);", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int, k int, PRIMARY KEY (id, k)) PARTITION BY LIST (k); CREATE TABLE hbi.hosts_p1 (id int, k int, PRIMARY KEY (id, k)); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
            RuleExample("↓ALTER TABLE public.staging SET SCHEMA hbi;", baseline: "CREATE SCHEMA hbi; CREATE TABLE public.staging (id int PRIMARY KEY); CREATE PUBLICATION p FOR TABLES IN SCHEMA hbi;"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.events (id bigint PRIMARY KEY);", note: "A publication that lists its tables does not pick it up", baseline: ExampleBaselines.published),
            RuleExample("ALTER TABLE hbi.hosts ATTACH PARTITION hbi.hosts_p1 FOR VALUES IN (1);", note: "Published via the root", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int, k int, PRIMARY KEY (id, k)) PARTITION BY LIST (k); CREATE TABLE hbi.hosts_p1 (id int, k int, PRIMARY KEY (id, k)); CREATE PUBLICATION p FOR TABLE hbi.hosts WITH (publish_via_partition_root = true);"),
            RuleExample("CREATE TABLE events (id bigint PRIMARY KEY);", note: "Without a baseline no publication is known"),
            RuleExample("CREATE TEMPORARY TABLE scratch (id int);", baseline: ExampleBaselines.allTables),
        ],
        notes: ReplicationNotes.make(
            order: "Either; the refresh runs on the subscriber after both sides are migrated.",
            error: "None: the subscriber's table silently stays behind until the refresh (for good with `copy_data = false`).",
            docs: ReplicationNotes.subscription))

    /// The refresh to run, naming the table and the publications that now carry it.
    static func help(_ table: String, _ publications: [String]) -> String {
        "Once `\(table)` exists on both sides, run on the subscriber, for each subscription to \(publications.joined(separator: ", ")): `ALTER SUBSCRIPTION <subscription> REFRESH PUBLICATION;` (with `copy_data = true`, the default, it copies what `\(table)` holds by then)."
    }

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let node = statement.node else { return }
        let refresh = "run `ALTER SUBSCRIPTION ... REFRESH PUBLICATION` (with copy_data) on the subscriber once both sides have it; until then its changes are silently not applied"
        let publications = context.replicationSource == .publications
        if let move = node.alterObjectSchema, move.objectKind == .table, let relation = move.relation,
           context.replicatedTable(relation) == nil {
            // Moving a table nothing replicates needs no order, whether or not a publication picks it up there.
            let reason = "moves a table that is not replicated"
            let by = publications ? context.publicationsPickingUp(QualifiedName(move.newSchema, relation.name)).map(\.name) : []
            guard !by.isEmpty else { found.declare(either: reason); return }
            found.report("moves `\(relation.qualifiedName)` into schema `\(move.newSchema)`, which \(by.joined(separator: ", ")) publishes: \(refresh)",
                         help: Self.help("\(move.newSchema).\(relation.name)", by), needs: .either, because: reason)
            return
        }
        guard publications else { return }
        if let create = node.createTable, create.mayBePublished, !create.isPartition {
            let name = context.publisherCatalog.creationName(schema: create.relation.schema, name: create.relation.name, searchPath: context.searchPath)
            let by = context.publicationsPickingUp(name).filter { $0.entry(for: name) == nil }.map(\.name)
            guard !by.isEmpty else { return }
            found.report("\(by.joined(separator: ", ")) picks up the new table `\(name)` at once, but the subscription does not: \(refresh)",
                         help: Self.help("\(name)", by))
        } else if let alter = node.alterTable, let parent = context.replicatedTable(alter.relation) {
            let direct = parent.memberships.filter { !$0.viaPartitionRoot }.map(\.publication)
            guard !direct.isEmpty, let partition = alter.commands.first(where: { $0.action == .attachPartition })?.partition else { return }
            found.report("attaches `\(partition.qualifiedName)` under \(parent.described), published without publish_via_partition_root by \(direct.joined(separator: ", ")): the subscription does not know the new partition; \(refresh)",
                         help: Self.help(partition.qualifiedName, direct) + " Or publish the parent with `ALTER PUBLICATION \(direct[0]) SET (publish_via_partition_root = true);`.")
        }
    }
}
