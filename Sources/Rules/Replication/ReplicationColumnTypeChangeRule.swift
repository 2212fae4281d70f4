import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationColumnTypeChange: RuleID = "replication-column-type-change"
}

public struct ReplicationColumnTypeChangeRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationColumnTypeChange,
        name: "Column type change on a replicated table",
        category: .replication,
        defaultSeverity: .error,
        summary: "ALTER COLUMN ... TYPE on a replicated table.",
        rationale: """
        Rows travel as text and are converted to the subscriber's column type. While the two \
        sides disagree, a value the publisher accepts may not fit the subscriber (`value too long \
        for type character varying(100)`, `integer out of range`), and the apply worker stops. A \
        narrowing change applied subscriber-first stalls at once; the stall does not heal: \
        \(ReplicationNotes.neverHeals). The rewrite also takes an ACCESS EXCLUSIVE lock for the \
        whole table on each side.
        """,
        safeAlternative: """
        Widen subscriber-first in its own file (`ALTER TABLE hbi.hosts ALTER COLUMN display_name \
        TYPE varchar(400);`), narrow publisher-first only after checking no row is too wide, or \
        add a new column with the new type, backfill it on the publisher, and switch over.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts ALTER COLUMN display_name TYPE varchar(100);", note: "Narrowing", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE hbi.hosts ALTER COLUMN display_name TYPE text;", note: "Widening: still reported, with the order it needs", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE \"hbi\".\"groups\" ALTER COLUMN \"Label\" SET DATA TYPE varchar(10) USING left(\"Label\", 10);", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE hosts ALTER COLUMN id TYPE bigint;", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.audit ALTER COLUMN note TYPE varchar(20);", note: "A table outside the publication", baseline: ExampleBaselines.published),
            RuleExample("CREATE TABLE hbi.t (id int PRIMARY KEY, a text);\nALTER TABLE hbi.t ALTER COLUMN a TYPE varchar(5);", note: "A table created in the same file"),
            RuleExample("ALTER TABLE hbi.hosts ALTER COLUMN display_name SET DEFAULT 'x';", baseline: ExampleBaselines.published),
            RuleExample("ALTER TABLE hbi.audit ALTER COLUMN id TYPE int;", replicatedTables: ["hbi.hosts"]),
        ],
        notes: ReplicationNotes.make(
            order: "`subscriber-first` when the new type accepts every old value (varchar(n) to a longer varchar or text, int4 to int8), `publisher-first` when it narrows, `unsafe` otherwise; reported in every case.",
            error: "`value too long for type character varying(100)`; `integer out of range`; `invalid input syntax for type ...`.",
            docs: ReplicationNotes.restrictions))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let alter = statement.node?.alterTable, let table = context.replicatedTable(alter.relation) else { return }
        // The publisher's refusal of a column a publication depends on, and a
        // column no column list publishes, are replication-column-list's.
        let refused = statement.node.flatMap { context.publisherCatalog.refusal(of: $0, searchPath: context.searchPath) }
        for (index, command) in alter.commands.enumerated() where command.action == .alterColumnType {
            let column = command.name ?? "?"
            if refused?.command == index || !table.publishes(column: column) { continue }
            let order = Self.order(command, table, context)
            let advice: String
            switch order {
            case .subscriberFirst: advice = "it widens the column: ship it alone, subscriber-first"
            case .publisherFirst: advice = "it narrows the column: ship it alone, publisher-first, and only once no row is too wide; applied subscriber-first, \(ReplicationNotes.neverHeals)"
            default: advice = "replint cannot tell whether it widens or narrows: prefer a new column and a backfill"
            }
            found.report("changes the type of `\(column)` on \(table.described); while the sides disagree a value may not fit the subscriber (`value too long for type ...`) and apply stops; \(advice)",
                         needs: order, because: "changes the type of `\(command.columnName)`", command: index)
        }
    }

    /// Widening type changes go subscriber-first, narrowing ones publisher-first; others break both ways.
    static func order(_ command: AlterTableCommand, _ table: ReplicatedTable, _ context: LintContext) -> ApplyOrder {
        guard let name = command.name, let old = table.subscriberTable?.column(named: name)?.typeName,
              let type = command.definition?.columnDef?.typeName else { return .unsafe }
        let new = context.publisherCatalog.columnType(type, searchPath: context.searchPath).normalized
        switch TypeWidth.compare(old, new) {
        case .wider?: return .subscriberFirst
        case .narrower?: return .publisherFirst
        case nil: return .unsafe
        }
    }
}
