import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationAddRequiredColumn: RuleID = "replication-add-required-column"
}

public struct ReplicationAddRequiredColumnRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationAddRequiredColumn,
        name: "NOT NULL column without a default",
        category: .replication,
        defaultSeverity: .error,
        summary: "ADD COLUMN ... NOT NULL without a default on a replicated table.",
        rationale: """
        Subscriber-first, the publisher's INSERTs arrive without the column and the subscriber \
        rejects them (`null value in column "region" of relation "hosts" violates not-null \
        constraint`); publisher-first, they arrive with a column the subscriber lacks (`missing \
        replicated column: "region"`). Both stop the apply worker. On a table with rows the \
        statement fails outright anyway.
        """,
        safeAlternative: """
        Add the column nullable (subscriber-first), backfill on the publisher, then `SET NOT NULL` \
        publisher-first; or give it a constant default: `ALTER TABLE hbi.hosts ADD COLUMN region \
        text NOT NULL DEFAULT 'unknown';`.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN region text NOT NULL;", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE \"hbi\".\"groups\" ADD COLUMN \"Owner\" uuid NOT NULL DEFAULT NULL;", note: "A NULL default is no default", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE hosts ADD COLUMN region text NOT NULL;", note: "Without a baseline"),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN a int, ADD COLUMN b int NOT NULL;", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN region text NOT NULL;", note: "A column list never sends it: the subscriber cannot fill it", baseline: ExampleBaselines.columnList),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN region text NOT NULL DEFAULT 'unknown';", baseline: ExampleBaselines.published),
            RuleExample("ALTER TABLE hbi.audit ADD COLUMN region text NOT NULL;", note: "A table outside the publication", baseline: ExampleBaselines.published),
            RuleExample("CREATE TABLE hbi.t (id int PRIMARY KEY);\nALTER TABLE hbi.t ADD COLUMN region text NOT NULL;", note: "A table created in the same file"),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;", note: "replication-volatile-default reports identity columns", baseline: ExampleBaselines.published),
        ],
        notes: ReplicationNotes.make(
            order: "`unsafe`: breaks in both orders.",
            error: "Subscriber-first: `null value in column \"region\" of relation \"hosts\" violates not-null constraint`. Publisher-first: `logical replication target relation \"hbi.hosts\" is missing replicated column: \"region\"`.",
            docs: ReplicationNotes.restrictions))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let alter = statement.node?.alterTable, let table = context.replicatedTable(alter.relation) else { return }
        for (index, command) in alter.commands.enumerated() {
            guard command.action == .addColumn || command.action == .addColumnRecurse,
                  let def = command.definition?.columnDef, ColumnFacts(def, context).cause == .required else { continue }
            // A column-listed table never sends a new column: only the subscriber's side of the hazard is left.
            let unlisted = !table.publishes(column: def.name)
            found.report(unlisted
                         ? "adds `\(def.name)` to \(table.described) as NOT NULL without a default, and the column list of \(table.publicationsLeavingOut(def.name)) leaves it out: replicated rows never carry it, so every replicated INSERT fails on the subscriber (`null value in column \"\(def.name)\" of relation \"\(table.name.name)\" violates not-null constraint`), whichever side goes first"
                         : "adds `\(def.name)` to \(table.described) as NOT NULL without a default: subscriber-first, replicated INSERTs lack it (`null value in column \"\(def.name)\" ... violates not-null constraint`); publisher-first, the subscriber lacks it (`missing replicated column: \"\(def.name)\"`)",
                         help: HelpText.addRequiredColumn(table, column: def.name, type: HelpText.type(of: def, context)),
                         needs: .unsafe, because: "`\(def.name)` is NOT NULL without a default", command: index)
        }
    }
}
