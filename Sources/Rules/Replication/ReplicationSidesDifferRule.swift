import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationSidesDiffer: RuleID = "replication-sides-differ"
}

/// With a baseline for each side, a statement that fits the publisher but
/// fails on the subscriber because its schema differs: it names something
/// missing there, or creates something already there.
public struct ReplicationSidesDifferRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationSidesDiffer,
        name: "Statement the subscriber's schema refuses",
        category: .replication,
        defaultSeverity: .error,
        summary: "With a subscriber baseline: a statement the publisher's schema takes names a table, column, constraint or index the subscriber does not have (or creates one it already has), so it fails there.",
        rationale: """
        Each migration file runs on both sides, and the two schemas need not be the same: a \
        subscriber may lack a column the publisher never published, or have an index of its own. \
        A statement that fits the publisher but names something the subscriber does not have \
        fails there (`column "tags" of relation "hosts" does not exist`), and in the usual \
        subscriber-first workflow that failure is the first thing that happens: the file stops on \
        the subscriber, half-way when it is not one transaction, and the publisher is left waiting. \
        The rule runs only when each side has a baseline of its own (`schema: {publisher: FILE, \
        subscriber: FILE}` or `--subscriber-schema FILE`); it compares names only, never data.
        """,
        safeAlternative: """
        Make the file hold on both sides: bring the side that differs in line first (its own \
        file, run there only), write the statement so it holds on both (`DROP COLUMN IF EXISTS`, \
        `ADD COLUMN IF NOT EXISTS`, `CREATE INDEX IF NOT EXISTS`), or, when that side already \
        matches, refresh its baseline (`pg_dump --schema-only`) so replint sees it.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts DROP COLUMN tags;", note: "The subscriber never had `tags`", baseline: ReplicationSidesDifferRule.publisher, subscriberBaseline: ReplicationSidesDifferRule.subscriber),
            RuleExample("↓UPDATE hbi.hosts SET tags = '[]' WHERE tags IS NULL;", note: "Any statement that names the column", baseline: ReplicationSidesDifferRule.publisher, subscriberBaseline: ReplicationSidesDifferRule.subscriber),
            RuleExample("↓CREATE INDEX hosts_org_id_idx ON hbi.hosts (org_id);", note: "The subscriber has an index of that name already", baseline: ReplicationSidesDifferRule.publisher, subscriberBaseline: ReplicationSidesDifferRule.subscriber),
            RuleExample("↓ALTER TABLE hbi.groups ADD COLUMN note text;", note: "A table only the publisher has", baseline: ReplicationSidesDifferRule.publisher, subscriberBaseline: ReplicationSidesDifferRule.subscriber),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN labels jsonb;\n↓ALTER TABLE hbi.groups RENAME COLUMN name TO title;", note: "The first statement holds on both sides; the second names a table the subscriber lacks", baseline: ReplicationSidesDifferRule.publisher, subscriberBaseline: ReplicationSidesDifferRule.subscriber),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.hosts DROP COLUMN IF EXISTS tags;", baseline: ReplicationSidesDifferRule.publisher, subscriberBaseline: ReplicationSidesDifferRule.subscriber),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN IF NOT EXISTS tags jsonb;\nALTER TABLE hbi.hosts ALTER COLUMN tags SET DEFAULT '[]';", note: "Each statement sees the ones before it: after the first, both sides have `tags`", baseline: ReplicationSidesDifferRule.publisher, subscriberBaseline: ReplicationSidesDifferRule.subscriber),
            RuleExample("CREATE INDEX IF NOT EXISTS hosts_org_id_idx ON hbi.hosts (org_id);", baseline: ReplicationSidesDifferRule.publisher, subscriberBaseline: ReplicationSidesDifferRule.subscriber),
            RuleExample("ALTER TABLE hbi.hosts DROP COLUMN tags;", note: "One baseline for both sides: nothing to compare", baseline: ExampleBaselines.published),
            RuleExample("ALTER TABLE hbi.nowhere DROP COLUMN tags;", note: "Missing on both sides: not a difference between them (`--schema-strict` reports it)", baseline: ReplicationSidesDifferRule.publisher, subscriberBaseline: ReplicationSidesDifferRule.subscriber),
        ],
        notes: ReplicationNotes.make(
            order: "None of its own: the statement fails on that side in either order. In a subscriber-first file it fails on the subscriber before the publisher is touched.",
            error: "`relation \"hbi.groups\" does not exist`; `column \"tags\" of relation \"hosts\" does not exist`; `column \"tags\" of relation \"hosts\" already exists`; `relation \"hosts_org_id_idx\" already exists`; `table \"groups\" does not exist`; `index \"hosts_tags_idx\" does not exist`; `constraint \"hosts_check\" of relation \"hosts\" does not exist`; `multiple primary keys for table \"hosts\" are not allowed`.",
            docs: "PostgreSQL 15 manual, [31.1 Publication](https://www.postgresql.org/docs/15/logical-replication-publication.html): \"The tables are matched between the publisher and the subscriber using the fully qualified table name\"; the subscriber's schema is its own, and DDL is not replicated ([31.6 Restrictions](https://www.postgresql.org/docs/15/logical-replication-restrictions.html))."))

    static let publisher = """
    CREATE SCHEMA hbi;
    CREATE TABLE hbi.hosts (id uuid PRIMARY KEY, org_id text, tags jsonb);
    CREATE TABLE hbi.groups (id uuid PRIMARY KEY, name text);
    CREATE PUBLICATION hbi_pub FOR TABLE hbi.hosts, hbi.groups;
    """

    static let subscriber = """
    CREATE SCHEMA hbi;
    CREATE TABLE hbi.hosts (id uuid PRIMARY KEY, org_id text);
    CREATE INDEX hosts_org_id_idx ON hbi.hosts (org_id);
    """

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard context.hasBaseline, let node = statement.node else { return [] }
        let onPublisher = SideFailure.first(node, on: context.publisherCatalog, searchPath: context.searchPath)
        let onSubscriber = SideFailure.first(node, on: context.subscriberCatalog, searchPath: context.searchPath)
        // Only where the subscriber differs: a statement the publisher's own
        // baseline refuses is a file older than that baseline, or a mistake on
        // both sides (`--schema-strict` reports it), not a difference.
        guard let failure = onSubscriber, onPublisher == nil else { return [] }
        return [violation(failure, side: .subscriber, statement, context)]
    }

    enum Side: String { case subscriber, publisher }

    private func violation(_ failure: SideFailure, side: Side, _ statement: Statement, _ context: LintContext) -> Violation {
        let other: Side = side == .subscriber ? .publisher : .subscriber
        let state = failure.isMissing ? "does not exist on the \(side.rawValue) (the \(other.rawValue) has it)"
                                      : "already exists on the \(side.rawValue) (the \(other.rawValue) has none)"
        var message = "\(failure.object) \(state): this statement fails there (`\(failure.error)`)"
        if context.declaration.order.firstSide == side.rawValue {
            message += ", and in this \(context.declaration.order.rawValue) file that is the first thing that happens"
        }
        let fix = failure.isMissing
            ? "create \(failure.object) on the \(side.rawValue) first, in a file run there only, or make the statement hold on both sides (`IF EXISTS`)"
            : "leave it out on the \(side.rawValue), or make the statement hold on both sides (`IF NOT EXISTS`)"
        let help = "For \(HelpText.quoted(statement)): \(fix); if the \(side.rawValue) already matches the \(other.rawValue), its baseline is out of date: take it again with `pg_dump --schema-only`."
        return Violation(range: statement.range, message: message, help: help)
    }
}
