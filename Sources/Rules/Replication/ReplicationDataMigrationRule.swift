import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationDataMigration: RuleID = "replication-data-migration"
}

public struct ReplicationDataMigrationRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationDataMigration,
        name: "Data migration on a replicated table",
        category: .replication,
        defaultSeverity: .warning,
        summary: "INSERT, UPDATE, DELETE, MERGE or COPY FROM on a replicated table in a migration.",
        rationale: """
        A migration runs on both sides, and data changes replicate: run on the subscriber too, \
        they apply twice. An UPDATE makes the sides diverge in the window between the two runs \
        (and for columns a column list leaves out, for good); an INSERT with a fixed key stops \
        apply when the publisher's copy arrives (`duplicate key value violates unique \
        constraint`). An UPDATE or DELETE without WHERE is also one huge transaction that the \
        subscriber replays in one piece.
        """,
        safeAlternative: """
        Keep DDL in the migration and run the data change on the publisher only (a separate \
        file declared for the publisher, or a job), in batches: `UPDATE hbi.hosts SET ... WHERE \
        id IN (SELECT id FROM hbi.hosts WHERE ... LIMIT 10000);`.
        """,
        triggeringExamples: [
            RuleExample("↓UPDATE hbi.hosts SET tags = '[]' WHERE tags IS NULL;", baseline: ExampleBaselines.published),
            RuleExample("↓INSERT INTO \"hbi\".\"groups\" (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'default');", baseline: ExampleBaselines.published),
            RuleExample("↓DELETE FROM hbi.hosts;", note: "No WHERE: one huge transaction", baseline: ExampleBaselines.published),
            RuleExample("↓UPDATE hosts SET display_name = lower(display_name);", note: "Without a baseline"),
            RuleExample("↓COPY hbi.groups (id, name) FROM stdin;\n00000000-0000-0000-0000-000000000001\tdefault\n\\.\n", note: "COPY FROM with its data, as pg_dump writes it: rows like an INSERT's", baseline: ExampleBaselines.published),
        ],
        nonTriggeringExamples: [
            RuleExample("UPDATE hbi.audit SET note = '';", note: "A table outside the publication", baseline: ExampleBaselines.published),
            RuleExample("CREATE TABLE hbi.t (id int PRIMARY KEY);\nINSERT INTO hbi.t VALUES (1);", note: "A table created in the same file"),
            RuleExample("UPDATE alembic_version SET version_num = 'b';", note: "alembic-version-table reports it"),
            RuleExample("SELECT count(*) FROM hbi.hosts;", baseline: ExampleBaselines.published),
            RuleExample("COPY hbi.hosts TO stdout;", note: "COPY TO reads", baseline: ExampleBaselines.published),
            RuleExample("CREATE TEMP TABLE staging (id uuid, name text) ON COMMIT DROP;\nCOPY staging FROM stdin;\n00000000-0000-0000-0000-000000000001\tdefault\n\\.\nINSERT INTO staging SELECT id, name FROM hbi.groups;", note: "A temporary table is never published", baseline: ExampleBaselines.published),
        ],
        notes: ReplicationNotes.make(
            order: "Publisher only: the rows replicate by themselves.",
            error: "An INSERT run on both sides: `duplicate key value violates unique constraint \"groups_pkey\"` in the apply worker. An UPDATE: none, the rows differ.",
            docs: ReplicationNotes.conflicts))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let node = statement.node, let relation = Self.dataTarget(node),
              let table = context.replicatedTable(relation) else { return }
        var message = "changes rows of \(table.described) in a migration: run on both sides, the change applies twice (an INSERT with a fixed key stops apply with `duplicate key value violates unique constraint`, an UPDATE diverges in the window); run it on the publisher only"
        let unbounded = (node.update.map { $0.whereClause == nil } ?? false) || (node.delete.map { $0.whereClause == nil } ?? false)
        if unbounded { message += "; without WHERE it is also one huge transaction for the subscriber to replay" }
        found.report(message, help: HelpText.dataChange(statement, table, context), needs: .publisherFirst, because: "data changes replicate: run them on the publisher only")
    }

    /// The table a data change writes; alembic's own bookkeeping is another rule's.
    static func dataTarget(_ node: Node) -> RangeVar? {
        if let s = node.insert { return s.relation.name == "alembic_version" ? nil : s.relation }
        if let s = node.update { return s.relation.name == "alembic_version" ? nil : s.relation }
        if let s = node.delete { return s.relation.name == "alembic_version" ? nil : s.relation }
        if let s = node.merge { return s.relation }
        // COPY FROM writes rows like INSERT (a dump's `COPY ... FROM stdin` and its data, say).
        if let s = node.copy, s.isFrom, let relation = s.relation { return relation.name == "alembic_version" ? nil : relation }
        return nil
    }
}
