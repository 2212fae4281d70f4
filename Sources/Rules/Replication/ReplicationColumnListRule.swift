import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationColumnList: RuleID = "replication-column-list"
}

public struct ReplicationColumnListRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationColumnList,
        name: "Column-list publication",
        category: .replication,
        defaultSeverity: .error,
        summary: "DROP of a column in a publication's column list (error), or ADD COLUMN to a table published with a column list (warning).",
        rationale: """
        A publication with a column list (the seed's own set-up) depends on its columns. DROP \
        COLUMN of a listed column is refused on the publisher (`cannot drop column display_name \
        of table hbi.hosts because other objects depend on it`, detail `publication of table \
        hbi.hosts in publication hbi_hosts_pub depends on column display_name of table \
        hbi.hosts`); with CASCADE it silently removes the **whole table** from the publication, \
        and replication of every column stops without an error. A column added to the table is \
        never replicated until the column list is changed: the subscriber's copy stays NULL.
        """,
        safeAlternative: """
        Change the publication first, on the publisher: `ALTER PUBLICATION hbi_hosts_pub SET \
        TABLE hbi.hosts (org_id, id, ...) WHERE (...);` without the column, then drop it; to \
        replicate a new column, add it on both sides and then list it in the publication (and \
        `ALTER SUBSCRIPTION ... REFRESH PUBLICATION` on the subscriber).
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts DROP COLUMN display_name;", baseline: ExampleBaselines.columnList),
            RuleExample("↓ALTER TABLE \"hbi\".\"hosts\" DROP COLUMN \"account\" CASCADE;", note: "CASCADE drops the table from the publication", baseline: ExampleBaselines.columnList),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN notes text;", note: "A warning: not replicated until the list changes", baseline: ExampleBaselines.columnList),
            RuleExample("-- replint: apply-order publisher-first\n↓ALTER TABLE hbi.hosts DROP COLUMN org_id;", baseline: ExampleBaselines.columnList),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.hosts DROP COLUMN canonical_facts;", note: "Not in the column list", baseline: ExampleBaselines.columnList),
            RuleExample("ALTER TABLE hbi.audit ADD COLUMN at timestamptz;", note: "A table outside the publication", baseline: ExampleBaselines.columnList),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN notes text;", note: "A publication without a column list", baseline: ExampleBaselines.published),
            RuleExample("ALTER TABLE hbi.hosts DROP COLUMN display_name;", note: "Without a baseline nothing is known of column lists"),
            RuleExample("CREATE TABLE hbi.t (id int PRIMARY KEY, a text);\nALTER TABLE hbi.t DROP COLUMN a;", note: "A table created in the same file", baseline: ExampleBaselines.columnList),
        ],
        notes: ReplicationNotes.make(
            order: "DROP: publisher-first, after the publication's column list has lost the column. ADD: subscriber-first, then the list changes.",
            error: "`cannot drop column display_name of table hbi.hosts because other objects depend on it` / `DETAIL: publication of table hbi.hosts in publication hbi_hosts_pub depends on column display_name of table hbi.hosts`; with CASCADE: `drop cascades to publication of table hbi.hosts in publication hbi_hosts_pub` (a NOTICE, and nothing replicates any more).",
            docs: ReplicationNotes.columnLists))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let alter = statement.node?.alterTable, let table = context.replicatedTable(alter.relation) else { return }
        let lists = table.columnLists
        guard !lists.isEmpty else { return }
        for (index, command) in alter.commands.enumerated() {
            switch command.action {
            case .dropColumn, .dropColumnRecurse:
                let column = command.name ?? ""
                guard let owner = lists.first(where: { $0.columns.contains(column) }) else { continue }
                let message = command.behavior == .cascade
                    ? "drops `\(column)` of \(table.described) with CASCADE: `\(column)` is in the column list of \(owner.publication), so the whole table silently leaves the publication and nothing of it replicates any more"
                    : "drops `\(column)`, which the column list of \(owner.publication) publishes: the publisher refuses (`publication of table \(table.name) in publication \(owner.publication) depends on column \(column)`); change the publication's column list first"
                found.report(message, help: HelpText.dropListedColumn(statement, table, column: column),
                             needs: .publisherFirst, because: "`\(column)` is in a publication's column list", command: index)
            case .addColumn, .addColumnRecurse:
                let name = command.definition?.columnDef?.name ?? "?"
                let publications = lists.map(\.publication).joined(separator: ", ")
                // A generated, required or per-side-filled column's order is its own rule's.
                let ordinary = command.definition?.columnDef.map { ColumnFacts($0, context).cause == .ordinary } ?? false
                found.report("adds `\(name)` to `\(table.name)`, which \(publications) publishes with a column list: `\(name)` is not replicated until the list names it (the subscriber's copy stays NULL)",
                             help: HelpText.listNewColumn(table, column: name),
                             severity: .warning, needs: ordinary ? .subscriberFirst : nil,
                             because: "a new column on a table published with a column list", command: index)
            default:
                continue
            }
        }
    }
}
