import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationColumnList: RuleID = "replication-column-list"
}

public struct ReplicationColumnListRule: HazardRule {
    public init() {}

    /// A column list and a row filter: `extra` and `region` are not listed, the filter reads `region`.
    static let items = """
    CREATE SCHEMA inv;
    CREATE TABLE inv.items (id int PRIMARY KEY, sku text, note text, extra text, region text NOT NULL DEFAULT 'eu');
    CREATE PUBLICATION inv_pub FOR TABLE inv.items (id, sku, note) WHERE (region <> 'xx');
    """

    public let description = RuleDescription(
        id: .replicationColumnList,
        name: "Column-list publication",
        category: .replication,
        defaultSeverity: .error,
        summary: "A column a publication's column list or row filter depends on, dropped or retyped (refused on the publisher); an unlisted column made NOT NULL without a default; ADD COLUMN to a column-listed table (warning).",
        rationale: """
        A publication with a column list or a row filter (the seed's own set-up) depends on the \
        columns it names. The publisher refuses DROP COLUMN of such a column (`cannot drop column \
        display_name of table hbi.hosts because other objects depend on it`, detail `publication \
        of table hbi.hosts in publication hbi_hosts_pub depends on column display_name of table \
        hbi.hosts`) and ALTER COLUMN ... TYPE of it (`cannot alter type of a column used by a \
        publication WHERE clause`, PostgreSQL 15's words for a column list too); replint's model \
        leaves a refused statement out, as the server does, so the table stays published for the \
        rest of the file. With CASCADE the DROP silently removes the **whole table** from the \
        publication, and replication of every column stops without an error. A column the column \
        lists leave out never replicates: renaming, dropping or retyping it is no replication \
        hazard (`plan` says `either`), unless a row filter reads it, or the subscriber ends up \
        with it NOT NULL without a default (SET NOT NULL, DROP DEFAULT): rows never carry it, so \
        every replicated INSERT fails there. A column added to the table is never replicated \
        until the column list is changed: the subscriber's copy stays NULL.
        """,
        safeAlternative: """
        Change the publication first, on the publisher: `ALTER PUBLICATION hbi_hosts_pub SET \
        TABLE hbi.hosts (org_id, id, ...) WHERE (...);` without the column (the finding writes it \
        out with the publication's real list), then drop it; to retype a listed column, run that, \
        the type change and the publication's list as it was in one transaction on the publisher. \
        To replicate a new column, add it on both sides and then list it in the publication (and \
        `ALTER SUBSCRIPTION ... REFRESH PUBLICATION` on the subscriber).
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts DROP COLUMN display_name;", baseline: ExampleBaselines.columnList),
            RuleExample("↓ALTER TABLE \"hbi\".\"hosts\" DROP COLUMN \"account\" CASCADE;", note: "CASCADE drops the table from the publication", baseline: ExampleBaselines.columnList),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN notes text;", note: "A warning: not replicated until the list changes", baseline: ExampleBaselines.columnList),
            RuleExample("-- replint: apply-order publisher-first\n↓ALTER TABLE hbi.hosts DROP COLUMN org_id;", baseline: ExampleBaselines.columnList),
            RuleExample("↓ALTER TABLE inv.items ALTER COLUMN note TYPE varchar(50);", note: "Refused on the publisher: a listed column", baseline: Self.items),
            RuleExample("↓ALTER TABLE inv.items DROP COLUMN region;\n↓ALTER TABLE inv.items DROP COLUMN sku;", note: "Refused: the row filter reads region; the table is still published for the next statement", baseline: Self.items),
            RuleExample("↓ALTER TABLE inv.items ALTER COLUMN extra SET NOT NULL;", note: "Rows never carry extra: the subscriber cannot fill it", baseline: Self.items),
            RuleExample("↓ALTER TABLE inv.items ALTER COLUMN region DROP DEFAULT;", note: "Unlisted, NOT NULL, and now without a default", baseline: Self.items),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.hosts DROP COLUMN canonical_facts;", note: "Not in the column list", baseline: ExampleBaselines.columnList),
            RuleExample("-- replint: apply-order publisher-first\nALTER TABLE inv.items DROP COLUMN extra;", note: "Never replicated: either order", baseline: Self.items),
            RuleExample("ALTER TABLE inv.items RENAME COLUMN extra TO extra_note;\nALTER TABLE inv.items ALTER COLUMN extra_note TYPE varchar(10);", baseline: Self.items),
            RuleExample("ALTER TABLE inv.items ALTER COLUMN extra SET DEFAULT 'x', ALTER COLUMN extra SET NOT NULL;", note: "The subscriber fills it from its default", baseline: Self.items),
            RuleExample("ALTER TABLE hbi.audit ADD COLUMN at timestamptz;", note: "A table outside the publication", baseline: ExampleBaselines.columnList),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN notes text;", note: "A publication without a column list", baseline: ExampleBaselines.published),
            RuleExample("ALTER TABLE hbi.hosts DROP COLUMN display_name;", note: "Without a baseline nothing is known of column lists"),
            RuleExample("CREATE TABLE hbi.t (id int PRIMARY KEY, a text);\nALTER TABLE hbi.t DROP COLUMN a;", note: "A table created in the same file", baseline: ExampleBaselines.columnList),
        ],
        notes: ReplicationNotes.make(
            order: "DROP of a listed column: publisher-first, after the publication's column list has lost the column. ADD: subscriber-first, then the list changes. A column no list publishes: `either`, except NOT NULL without a default on the subscriber (`unsafe`).",
            error: "`cannot drop column display_name of table hbi.hosts because other objects depend on it` / `DETAIL: publication of table hbi.hosts in publication hbi_hosts_pub depends on column display_name of table hbi.hosts`; `cannot alter type of a column used by a publication WHERE clause` / `DETAIL: publication of table hbi.hosts in publication hbi_hosts_pub depends on column \"display_name\"`; with CASCADE: `drop cascades to publication of table hbi.hosts in publication hbi_hosts_pub` (a NOTICE, and nothing replicates any more); on the subscriber, for an unlisted NOT NULL column without a default: `null value in column \"extra\" of relation \"items\" violates not-null constraint`.",
            docs: ReplicationNotes.columnLists))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let node = statement.node else { return }
        if let rename = node.rename, rename.objectKind == .column, rename.relationKind == .table, let relation = rename.relation,
           let table = context.replicatedTable(relation), let old = rename.oldName, !table.publishes(column: old) {
            found.declare(either: ColumnListHazards.unlisted(old, table, "renaming it"))
            return
        }
        guard let alter = node.alterTable, let table = context.replicatedTable(alter.relation), table.hasColumnListOrRowFilter else { return }
        let hazards = ColumnListHazards(statement: statement, table: table, context: context)
        for (index, command) in alter.commands.enumerated() {
            hazards.check(command, index, into: &found)
        }
    }
}
