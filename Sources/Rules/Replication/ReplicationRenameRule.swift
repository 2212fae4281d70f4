import Lint
import Schema
import SQLSource

public struct ReplicationRenameRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: ReplicationRuleID.rename,
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

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let node = statement.node else { return [] }
        if let rename = node.rename { return check(rename, statement, context) }
        if let move = node.alterObjectSchema, move.objectKind == .table, let relation = move.relation,
           let table = context.replicatedTable(relation) {
            return [Violation(range: statement.range, message: "moves \(table.described) to schema `\(move.newSchema)`: the apply worker matches tables by schema-qualified name, so the moved table is unknown on whichever side has not moved yet; \(ReplicationNotes.neverHeals)")]
        }
        if let alter = node.alterEnum, let old = alter.oldLabel, case let users = context.replicatedUsers(ofEnum: alter.names), !users.isEmpty {
            return [Violation(range: statement.range, message: "renames label '\(old)' of enum `\(alter.names.joined(separator: "."))`, used by \(users.joined(separator: ", ")): rows carrying either label are rejected on the side that does not know it (`invalid input value for enum`)")]
        }
        return []
    }

    private func check(_ rename: Rename, _ statement: Statement, _ context: LintContext) -> [Violation] {
        switch rename.objectKind {
        case .column:
            guard let relation = rename.relation, let table = context.replicatedTable(relation) else { return [] }
            let old = rename.oldName ?? "?"
            return [Violation(range: statement.range, message: "renames column `\(old)` of \(table.described) to `\(rename.newName)`: columns are matched by name, so whichever side renames first, the other stops apply (`missing replicated column: \"\(old)\"`); \(ReplicationNotes.neverHeals)")]
        case .table:
            guard let relation = rename.relation, let table = context.replicatedTable(relation) else { return [] }
            return [Violation(range: statement.range, message: "renames \(table.described) to `\(rename.newName)`: tables are matched by schema-qualified name (`relation ... does not exist` on the side that has not renamed); \(ReplicationNotes.neverHeals)")]
        case .schema:
            guard ApplyOrderClassifier.rename(rename, statement, context).isEmpty == false else { return [] }
            return [Violation(range: statement.range, message: "renames schema `\(rename.oldName ?? "?")`, which holds replicated tables: every one of them changes its schema-qualified name; \(ReplicationNotes.neverHeals)")]
        default:
            return []
        }
    }
}
