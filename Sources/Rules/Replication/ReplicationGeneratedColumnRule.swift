import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationGeneratedColumn: RuleID = "replication-generated-column"
}

public struct ReplicationGeneratedColumnRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationGeneratedColumn,
        name: "Generated column change",
        category: .replication,
        defaultSeverity: .error,
        summary: "ALTER COLUMN ... DROP EXPRESSION on a replicated table; ADD ... GENERATED where the publication publishes generated columns (PostgreSQL 18+).",
        rationale: """
        In PostgreSQL 15 to 17 a generated column is not published: each side computes it, and \
        adding the same STORED expression on both sides is safe. `DROP EXPRESSION` turns it into \
        an ordinary column, which is then published: subscriber-first, replicated rows leave it \
        NULL; publisher-first, rows arrive with a column the subscriber still generates (`logical \
        replication target relation ... is missing replicated column`). From PostgreSQL 18 a \
        publication can publish generated columns (`publish_generated_columns`), and a generated \
        column added there is replicated into a column the subscriber generates itself.
        """,
        safeAlternative: """
        Add a new ordinary column (subscriber-first), fill it on the publisher, switch readers, \
        then drop the generated column (publisher-first).
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts ALTER COLUMN name_lower DROP EXPRESSION;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, name text, name_lower text GENERATED ALWAYS AS (lower(name)) STORED); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
            RuleExample("↓ALTER TABLE \"hbi\".\"hosts\" ALTER \"Upper\" DROP EXPRESSION IF EXISTS;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, name text, \"Upper\" text GENERATED ALWAYS AS (upper(name)) STORED); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
            RuleExample("↓ALTER TABLE hosts ALTER COLUMN c DROP EXPRESSION;", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN name_lower text GENERATED ALWAYS AS (lower(display_name)) STORED;", note: "Not published before PostgreSQL 18: safe on both sides", baseline: ExampleBaselines.published),
            RuleExample("ALTER TABLE hbi.audit ALTER COLUMN c DROP EXPRESSION;", note: "A table outside the publication", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.audit (n int, c int GENERATED ALWAYS AS (n * 2) STORED); CREATE TABLE hbi.hosts (id int PRIMARY KEY); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
            RuleExample("CREATE TABLE hbi.t (id int PRIMARY KEY, n int, c int GENERATED ALWAYS AS (n * 2) STORED);\nALTER TABLE hbi.t ALTER COLUMN c DROP EXPRESSION;", note: "A table created in the same file"),
        ],
        notes: ReplicationNotes.make(
            order: "DROP EXPRESSION: `unsafe`. ADD ... GENERATED: either, before PostgreSQL 18.",
            error: "Publisher-first: `logical replication target relation \"hbi.hosts\" is missing replicated column: \"name_lower\"`; subscriber-first: none, the column stays NULL for replicated rows.",
            docs: ReplicationNotes.restrictions))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let alter = statement.node?.alterTable, let table = context.replicatedTable(alter.relation) else { return }
        for (index, command) in alter.commands.enumerated() {
            switch command.action {
            case .dropExpression:
                let column = command.name ?? "?"
                found.report("DROP EXPRESSION makes `\(column)` of \(table.described) an ordinary, published column: subscriber-first, replicated rows leave it NULL; publisher-first, rows arrive with a column the subscriber still generates",
                             help: "Keep `\(column)` generated; add an ordinary column instead (`ALTER TABLE \(table.name) ADD COLUMN \(column)_value <type>;`, subscriber-first), fill it on the publisher, switch readers to it, then drop `\(column)` (publisher-first).",
                             needs: .unsafe, because: "`\(command.columnName)` stops being generated and starts being published", command: index)
            case .addColumn, .addColumnRecurse:
                guard let def = command.definition?.columnDef, ColumnFacts(def, context).cause == .generated else { continue }
                let reason = "a stored generated column is computed on each side and not published"
                // Before PostgreSQL 18 no publication publishes generated columns.
                guard context.configuration.postgresVersion >= 18 else { found.declare(either: reason, command: index); continue }
                found.report("adds generated column `\(def.name)` to \(table.described) on PostgreSQL \(context.configuration.postgresVersion): where the publication publishes generated columns it is replicated into a column the subscriber generates itself",
                             help: "Leave generated columns out of the publication of `\(table.name)` (`publish_generated_columns = none`, the default), or add `\(def.name)` on the subscriber as an ordinary column.",
                             needs: .either, because: reason, command: index)
            default:
                continue
            }
        }
    }
}
