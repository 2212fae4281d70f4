import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationTableWithoutIdentity: RuleID = "replication-table-without-identity"
}

public struct ReplicationTableWithoutIdentityRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationTableWithoutIdentity,
        name: "New published table without a replica identity",
        category: .replication,
        defaultSeverity: .error,
        summary: "CREATE TABLE that a publication will pick up, with no primary key and no REPLICA IDENTITY in the file.",
        rationale: """
        A publication FOR ALL TABLES or TABLES IN SCHEMA picks up a new table at once, and a new \
        partition inherits its root's publication. Without a primary key or another replica \
        identity, the first UPDATE or DELETE on the publisher fails in the application: `cannot \
        update table "events" because it does not have a replica identity and publishes updates`.
        """,
        safeAlternative: """
        Give the table a primary key (`CREATE TABLE hbi.events (id bigint PRIMARY KEY, ...)`), or \
        set one in the same file: `ALTER TABLE hbi.events REPLICA IDENTITY USING INDEX ...;`.
        """,
        triggeringExamples: [
            RuleExample("↓CREATE TABLE hbi.events (id bigint, payload jsonb);", baseline: ExampleBaselines.allTables),
            RuleExample("↓CREATE TABLE \"hbi\".\"Events\" (\"Id\" bigint UNIQUE, payload jsonb);", note: "A unique constraint alone is not an identity", baseline: ExampleBaselines.allTables),
            RuleExample("↓CREATE TABLE events (id bigint);", note: "Without a baseline every table counts as replicated"),
            RuleExample("↓CREATE TABLE hbi.events (id bigint);", baseline: "CREATE SCHEMA hbi; CREATE PUBLICATION p FOR TABLES IN SCHEMA hbi;"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.events (id bigint PRIMARY KEY, payload jsonb);", baseline: ExampleBaselines.allTables),
            RuleExample("CREATE TABLE hbi.events (id bigint NOT NULL, payload jsonb);\nCREATE UNIQUE INDEX events_id ON hbi.events (id);\nALTER TABLE hbi.events REPLICA IDENTITY USING INDEX events_id;", note: "The identity is set later in the same file", baseline: ExampleBaselines.allTables),
            RuleExample("CREATE TABLE hbi.events (id bigint);", note: "No publication will pick it up", baseline: ExampleBaselines.published),
            RuleExample("CREATE TEMPORARY TABLE scratch (id int);"),
            RuleExample("CREATE TABLE hbi.events (id bigint);\nALTER TABLE hbi.events ADD PRIMARY KEY (id);", note: "A primary key added in the same file"),
        ],
        notes: ReplicationNotes.make(
            order: "`subscriber-first`, like every new table; the identity matters on the publisher.",
            error: "`cannot update table \"events\" because it does not have a replica identity and publishes updates`.",
            docs: ReplicationNotes.replicaIdentity))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let create = statement.node?.createTable, create.mayBePublished else { return [] }
        let name = context.publisherCatalog.creationName(schema: create.relation.schema, name: create.relation.name, searchPath: context.searchPath)
        guard context.willBeReplicated(name) || publishedThroughParent(create, statement, context) else { return [] }
        let hasKey = create.tableConstraints.contains { $0.kind == .primaryKey } || create.columns.contains { $0.constraints.contains { $0.kind == .primaryKey } }
        if hasKey || (create.isPartition && parentHasKey(create, context)) || identityLater(name, after: statement, context) { return [] }
        return [Violation(range: statement.range, message: "creates `\(name)`, which a publication will pick up, with no primary key and no replica identity: the first UPDATE or DELETE on the publisher fails (`cannot update table \"\(name.name)\" because it does not have a replica identity and publishes updates`)", help: HelpText.primaryKey(name))]
    }

    private func publishedThroughParent(_ create: CreateTable, _ statement: Statement, _ context: LintContext) -> Bool {
        create.isPartition && create.inherits.first.map { context.replicatedTable($0) != nil } == true
    }

    private func parentHasKey(_ create: CreateTable, _ context: LintContext) -> Bool {
        guard let parent = create.inherits.first else { return false }
        return context.publisherCatalog.table(context.qualified(parent))?.primaryKey != nil
    }

    /// A later `ADD PRIMARY KEY` or `REPLICA IDENTITY` for the same table in this file.
    private func identityLater(_ name: QualifiedName, after statement: Statement, _ context: LintContext) -> Bool {
        context.document.statements[(statement.index + 1)...].contains { later in
            guard let alter = later.node?.alterTable, alter.relation.name == name.name,
                  alter.relation.schema == nil || alter.relation.schema == name.schema else { return false }
            return alter.commands.contains { command in
                (command.action == .replicaIdentity && command.replicaIdentity?.kind != .nothing && command.replicaIdentity?.kind != .default)
                    || (command.action == .addConstraint && command.definition?.constraint?.kind == .primaryKey)
                    || command.action == .addIndexConstraint && command.definition?.constraint?.kind == .primaryKey
            }
        }
    }
}
