import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationRename: RuleID = "replication-rename"
}

public struct ReplicationRenameRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationRename,
        name: "Rename of something replication matches by name",
        category: .replication,
        defaultSeverity: .error,
        summary: "RENAME or SET SCHEMA of a replicated table, column or schema, or RENAME VALUE of an enum a replicated table uses.",
        rationale: """
        The apply worker matches tables by schema-qualified name and columns by name. Renamed on \
        the subscriber first, the publisher's rows name a column or table the subscriber no longer \
        has (`logical replication target relation "hbi.hosts" is missing replicated column: \
        "tags"`, or `relation "public.hosts" does not exist`); renamed on the publisher first, the \
        new name is unknown on the subscriber. Neither order works, and the stall does not heal: \
        \(ReplicationNotes.neverHeals). An enum label renamed on one side makes the other side \
        reject rows that carry it (`invalid input value for enum`).
        """,
        safeAlternative: """
        Expand and contract: add the new column (`ALTER TABLE hbi.hosts ADD COLUMN labels jsonb;`, \
        subscriber-first), write both in the application and backfill on the publisher, switch \
        reads, and drop the old column later (publisher-first). For a table: create the new \
        table, publish it, move the data, drop the old one later.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts RENAME COLUMN tags TO labels;", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE \"hbi\".\"groups\" RENAME COLUMN \"Label\" TO label;", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE hbi.hosts RENAME TO systems;", note: "Without a baseline every table counts as replicated"),
            RuleExample("↓ALTER TABLE hbi.groups SET SCHEMA inventory;", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER SCHEMA hbi RENAME TO inventory;", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TYPE hbi.state RENAME VALUE 'up' TO 'online';", baseline: "CREATE SCHEMA hbi; CREATE TYPE hbi.state AS ENUM ('up', 'down'); CREATE TABLE hbi.hosts (id int PRIMARY KEY, state hbi.state); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.audit RENAME COLUMN note TO remark;", note: "A table outside the publication", baseline: ExampleBaselines.published),
            RuleExample("CREATE TABLE hbi.t (id int PRIMARY KEY, a text);\nALTER TABLE hbi.t RENAME COLUMN a TO b;", note: "A table created in the same file"),
            RuleExample("ALTER INDEX hbi.hosts_pkey RENAME TO hosts_pk;", note: "Index names do not travel", baseline: ExampleBaselines.published),
            RuleExample("ALTER TABLE hbi.hosts RENAME CONSTRAINT hosts_pkey TO hosts_pk;", baseline: ExampleBaselines.published),
            RuleExample("ALTER TYPE hbi.mood RENAME VALUE 'ok' TO 'fine';", note: "An enum no replicated table uses", baseline: "CREATE SCHEMA hbi; CREATE TYPE hbi.mood AS ENUM ('ok'); CREATE TABLE hbi.hosts (id int PRIMARY KEY); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
        ],
        notes: ReplicationNotes.make(
            order: "`unsafe`: breaks in both orders.",
            error: "`logical replication target relation \"hbi.hosts\" is missing replicated column: \"tags\"`; for a table, `logical replication target relation \"public.hosts\" does not exist`; for an enum label, `invalid input value for enum hbi.state: \"online\"`.",
            docs: ReplicationNotes.restrictions))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let node = statement.node else { return }
        if let rename = node.rename {
            hazards(rename, statement, context, into: &found)
        } else if let move = node.alterObjectSchema, move.objectKind == .table, let relation = move.relation,
                  let table = context.replicatedTable(relation) {
            found.report("moves \(table.described) to schema `\(move.newSchema)`: the apply worker matches tables by schema-qualified name, so the moved table is unknown on whichever side has not moved yet; \(ReplicationNotes.neverHeals)",
                         help: HelpText.replaceTable(table, with: QualifiedName(move.newSchema, table.name.name)),
                         needs: .unsafe, because: "the table leaves its name: whichever side moves first, the other cannot apply its rows")
        } else if let alter = node.alterEnum, let old = alter.oldLabel, case let users = context.replicatedUsers(ofEnum: alter.names), !users.isEmpty {
            found.report("renames label '\(old)' of enum `\(alter.names.joined(separator: "."))`, used by \(users.joined(separator: ", ")): rows carrying either label are rejected on the side that does not know it (`invalid input value for enum`)",
                         help: HelpText.renameEnumLabel(alter.names.joined(separator: "."), old: old, new: alter.newLabel, users: users),
                         needs: .unsafe, because: "renaming an enum label breaks rows that carry it on the other side")
        }
    }

    private func hazards(_ rename: Rename, _ statement: Statement, _ context: LintContext, into found: inout Hazards) {
        let breaks = "a rename breaks replication whichever side goes first"
        switch rename.objectKind {
        case .column:
            guard let relation = rename.relation, let table = context.replicatedTable(relation) else { return }
            let old = rename.oldName ?? "?"
            // A column no column list publishes is not matched at all: replication-column-list says so.
            guard table.publishes(column: old) else { return }
            // A view's or foreign table's column is reported too, but was never given an order.
            found.report("renames column `\(old)` of \(table.described) to `\(rename.newName)`: columns are matched by name, so whichever side renames first, the other stops apply (`missing replicated column: \"\(old)\"`); \(ReplicationNotes.neverHeals)",
                         help: HelpText.renameColumn(table, old: old, new: rename.newName),
                         needs: rename.relationKind == .table ? .unsafe : nil, because: breaks)
        case .table:
            guard let relation = rename.relation, let table = context.replicatedTable(relation) else { return }
            found.report("renames \(table.described) to `\(rename.newName)`: tables are matched by schema-qualified name (`relation ... does not exist` on the side that has not renamed); \(ReplicationNotes.neverHeals)",
                         help: HelpText.replaceTable(table, with: QualifiedName(table.name.schema, rename.newName)),
                         needs: .unsafe, because: breaks)
        case .schema:
            let old = rename.oldName ?? ""
            let holdsReplicated = context.publisherCatalog.tables.keys.contains { $0.schema == old && context.isReplicated($0) }
                || (!context.hasBaseline && context.replicationSource != .publications)
            guard holdsReplicated else { return }
            found.report("renames schema `\(rename.oldName ?? "?")`, which holds replicated tables: every one of them changes its schema-qualified name; \(ReplicationNotes.neverHeals)",
                         help: HelpText.renameSchema(old, rename.newName),
                         needs: .unsafe, because: "renaming a schema renames every replicated table in it")
        default:
            return
        }
    }
}
