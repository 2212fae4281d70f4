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
            RuleExample("↓ALTER TABLE inv.items ALTER COLUMN price TYPE numeric(10,4);", note: "Narrowing, though the scale grows: 8 integer digits become 6, so 12345678.90 no longer fits (`numeric field overflow`); publisher-first", baseline: ReplicationColumnTypeChangeRule.numericBaseline),
            RuleExample("↓ALTER TABLE inv.items ALTER COLUMN price TYPE numeric(12,1);", note: "Neither: more integer digits but one decimal fewer, so values are rounded on one side; unsafe", baseline: ReplicationColumnTypeChangeRule.numericBaseline),
            RuleExample("↓ALTER TABLE inv.items ALTER COLUMN qty TYPE numeric(8,2);", note: "Neither: int4 needs 10 integer digits, and the old int4 refuses `1.5`; unsafe", baseline: ReplicationColumnTypeChangeRule.numericBaseline),
            RuleExample("↓ALTER TABLE inv.items ALTER COLUMN price TYPE numeric(14,2);", note: "Widening: subscriber-first", baseline: ReplicationColumnTypeChangeRule.numericBaseline),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.audit ALTER COLUMN note TYPE varchar(20);", note: "A table outside the publication", baseline: ExampleBaselines.published),
            RuleExample("CREATE TABLE hbi.t (id int PRIMARY KEY, a text);\nALTER TABLE hbi.t ALTER COLUMN a TYPE varchar(5);", note: "A table created in the same file"),
            RuleExample("ALTER TABLE hbi.hosts ALTER COLUMN display_name SET DEFAULT 'x';", baseline: ExampleBaselines.published),
            RuleExample("ALTER TABLE hbi.audit ALTER COLUMN id TYPE int;", replicatedTables: ["hbi.hosts"]),
        ],
        notes: ReplicationNotes.make(
            order: "`subscriber-first` when the new type accepts every old value unchanged (varchar(n) to a longer varchar or text, int4 to int8, numeric(10,2) to numeric(14,2)), `publisher-first` when the old type accepts every new value (numeric(10,2) to numeric(10,4): integer digits p-s and scale compare separately, and 8 integer digits becoming 6 narrows), `unsafe` when neither holds or replint cannot tell (numeric(10,4) to numeric(12,1) rounds on one side and overflows on the other); a change that can round or refuse a value is never called widening. Reported in every case.",
            error: "`value too long for type character varying(100)`; `integer out of range`; `numeric field overflow` (12345678.90 into numeric(10,4)); `invalid input syntax for type integer: \"1.5\"`.",
            docs: ReplicationNotes.restrictions))

    static let numericBaseline = """
    CREATE SCHEMA inv;
    CREATE TABLE inv.items (id bigint PRIMARY KEY, price numeric(10,2), qty integer);
    CREATE PUBLICATION inv_pub FOR TABLE inv.items;
    """

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let alter = statement.node?.alterTable, let table = context.replicatedTable(alter.relation) else { return }
        // The publisher's refusal of a column a publication depends on, and a
        // column no column list publishes, are replication-column-list's.
        let refused = statement.node.flatMap { context.publisherCatalog.refusal(of: $0, searchPath: context.searchPath) }
        for (index, command) in alter.commands.enumerated() where command.action == .alterColumnType {
            let column = command.name ?? "?"
            if refused?.command == index || !table.publishes(column: column) { continue }
            let order = Self.order(command, table, context)
            let types = Self.types(command, table, context)
            let change = types.map { " from `\($0.old)` to `\($0.new)`" } ?? ""
            let advice: String
            switch order {
            case .subscriberFirst: advice = "it widens the column: ship it alone, subscriber-first"
            case .publisherFirst: advice = "it narrows the column: ship it alone, publisher-first, and only once no row is too wide; applied subscriber-first, \(ReplicationNotes.neverHeals)"
            case _ where types != nil: advice = "neither type holds every value of the other (a value is refused or rounded on one side, whichever goes first): prefer a new column and a backfill"
            default: advice = "replint cannot tell whether it widens or narrows: prefer a new column and a backfill"
            }
            found.report("changes the type of `\(column)` on \(table.described)\(change); while the sides disagree a value may not fit the subscriber (`value too long for type ...`, `numeric field overflow`) and apply stops; \(advice)",
                         help: HelpText.typeChange(statement, table: table, column: column, order: order, newType: types?.new),
                         needs: order, because: "changes the type of `\(command.columnName)`\(change)", command: index)
        }
    }

    /// The subscriber's type of the column and the new one, normalised, when the model knows both.
    static func types(_ command: AlterTableCommand, _ table: ReplicatedTable, _ context: LintContext) -> (old: String, new: String)? {
        guard let name = command.name, let old = table.subscriberTable?.column(named: name)?.typeName,
              let type = command.definition?.columnDef?.typeName else { return nil }
        return (old, context.publisherCatalog.columnType(type, searchPath: context.searchPath).normalized)
    }

    /// Widening type changes go subscriber-first, narrowing ones publisher-first; others break both ways.
    static func order(_ command: AlterTableCommand, _ table: ReplicatedTable, _ context: LintContext) -> ApplyOrder {
        guard let (old, new) = types(command, table, context) else { return .unsafe }
        switch TypeWidth.compare(old, new) {
        case .wider?: return .subscriberFirst
        case .narrower?: return .publisherFirst
        case nil: return .unsafe
        }
    }
}
