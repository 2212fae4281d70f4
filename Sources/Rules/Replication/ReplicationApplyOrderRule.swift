import Lint
import SQLSource

extension RuleID {
    public static let replicationApplyOrder: RuleID = "replication-apply-order"
}

/// A statement whose side-first order is the opposite of its file's.
public struct ReplicationApplyOrderRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationApplyOrder,
        name: "Statement in the wrong apply order",
        category: .replication,
        defaultSeverity: .error,
        summary: "A statement must reach first the side its file does not declare, or breaks replication in both orders.",
        rationale: """
        DDL is not replicated, so each file is applied to both sides, one after the other, in the \
        order it declares: `subscriber-first` by default (`-- replint: apply-order publisher-first` \
        before the first statement, or `replication.files`/`replication.apply_order` in \
        `.replint.yml`, say otherwise). Widening changes (CREATE TABLE, a nullable or \
        constant-default ADD COLUMN, ADD VALUE, DROP NOT NULL, dropping a CHECK or UNIQUE) must \
        reach the subscriber first; narrowing ones (DROP COLUMN, DROP TABLE, SET NOT NULL, a new \
        CHECK/UNIQUE/PRIMARY KEY/EXCLUDE, a unique index) the publisher first. In the wrong order \
        the apply worker stops (`logical replication target relation "hbi.hosts" is missing \
        replicated column: "canonical_facts"`, `null value in column ... violates not-null \
        constraint`), and a change decoded before the publisher's own DDL keeps the old shape, so \
        the stall does not heal when the second side is migrated: only `ALTER SUBSCRIPTION ... \
        SKIP` gets past it, losing that transaction. DROP COLUMN publisher-first is safe only when \
        the subscriber's column is nullable or has a default; a NOT NULL column without one first \
        needs `DROP NOT NULL` in a subscriber-first file. Where a more specific replication rule \
        reports a statement, this rule stays quiet about it; when that rule is turned off, this one \
        reports the statement's order in its place.
        """,
        safeAlternative: """
        Move the statement to its own file declared in the order it needs (`replint plan FILE` \
        shows the split), for example `-- replint: apply-order publisher-first` above \
        `ALTER TABLE hbi.hosts DROP COLUMN tags;`. Before dropping a NOT NULL column without a \
        default, ship `ALTER TABLE hbi.hosts ALTER COLUMN c DROP NOT NULL;` subscriber-first.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts DROP COLUMN tags;", note: "Subscriber-first by default: the subscriber would drop a column the publisher still sends", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE \"hbi\".\"hosts\" DROP COLUMN canonical_facts;", note: "Publisher-first would not help either: the subscriber's column is NOT NULL without a default", baseline: ExampleBaselines.published),
            RuleExample("-- replint: apply-order publisher-first\n↓ALTER TABLE hbi.hosts ADD COLUMN notes text;", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE hbi.groups ALTER COLUMN \"Label\" SET NOT NULL;", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE hbi.hosts DROP COLUMN tags;", note: "Without a baseline every table counts as replicated"),
            RuleExample("-- replint: apply-order publisher-first\n↓-- replint: apply-order subscriber-first\nSELECT 1;", note: "Two declarations that disagree"),
            RuleExample("-- replint: apply-order publisher-first\n↓ALTER TYPE hbi.state ADD VALUE 'maintenance';", note: "The subscriber must accept the label before the publisher writes it", baseline: "CREATE SCHEMA hbi; CREATE TYPE hbi.state AS ENUM ('up', 'down'); CREATE TABLE hbi.hosts (id int PRIMARY KEY, state hbi.state); CREATE PUBLICATION p FOR TABLE hbi.hosts;"),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN notes text;", baseline: ExampleBaselines.published),
            RuleExample("-- replint: apply-order publisher-first\nALTER TABLE hbi.hosts DROP COLUMN tags;", baseline: ExampleBaselines.published),
            RuleExample("ALTER TABLE hbi.audit DROP COLUMN note;", note: "A table outside the publication", baseline: ExampleBaselines.published),
            RuleExample("CREATE TABLE hbi.t (id int PRIMARY KEY, c text NOT NULL);\nALTER TABLE hbi.t DROP COLUMN c;", note: "A table created in the same file"),
            RuleExample("ALTER TABLE hbi.hosts RENAME COLUMN tags TO labels;", note: "replication-rename reports it", baseline: ExampleBaselines.published),
            RuleExample("ALTER TABLE hbi.hosts ADD CONSTRAINT hosts_group_fk FOREIGN KEY (id) REFERENCES hbi.groups (id) NOT VALID;", note: "Foreign keys are not checked for replicated rows", baseline: ExampleBaselines.published),
            RuleExample("-- replint: apply-order publisher-first\nALTER TYPE hbi.mood ADD VALUE 'meh';", note: "An enum no replicated table uses", baseline: ExampleBaselines.published + "\nCREATE TYPE hbi.mood AS ENUM ('ok');"),
            RuleExample("CREATE MATERIALIZED VIEW hbi.host_counts AS SELECT org_id, count(*) FROM hbi.hosts GROUP BY org_id;\nCREATE UNIQUE INDEX host_counts_org_id ON hbi.host_counts (org_id);", note: "A materialized view is never published, with or without a baseline"),
            RuleExample("CREATE UNIQUE INDEX host_counts_org_id ON hbi.host_counts (org_id);", note: "A materialized view of the baseline; every table counts as replicated there, but it is no table", baseline: "CREATE SCHEMA hbi;\nCREATE TABLE hbi.hosts (id uuid PRIMARY KEY, org_id text);\nCREATE MATERIALIZED VIEW hbi.host_counts AS SELECT org_id, count(*) FROM hbi.hosts GROUP BY org_id WITH NO DATA;"),
            RuleExample("ALTER TABLE hbi.hosts_cache DROP COLUMN note;", note: "An unlogged table is never published", baseline: "CREATE SCHEMA hbi;\nCREATE UNLOGGED TABLE hbi.hosts_cache (id uuid PRIMARY KEY, note text);"),
            RuleExample("-- replint: apply-order publisher-first\nCREATE TEMP TABLE moved_hosts ON COMMIT DROP AS SELECT id FROM hbi.hosts;\nCREATE UNLOGGED TABLE hbi.scratch (id int);\nCREATE TABLE hbi.hosts_copy AS SELECT * FROM hbi.hosts;\nALTER TABLE hbi.hosts_copy ADD COLUMN note text;\nSELECT id INTO hbi.host_ids FROM hbi.hosts;\nALTER TABLE hbi.host_ids ADD COLUMN note text;", note: "Temporary, unlogged and query-made tables: the last two are new in this file, like CREATE TABLE", baseline: ExampleBaselines.allTables),
        ],
        notes: ReplicationNotes.make(
            order: "`subscriber-first`: CREATE TABLE, a nullable or constant-default ADD COLUMN, ADD VALUE, a non-unique CREATE INDEX, DROP NOT NULL, dropping a CHECK/UNIQUE constraint. `publisher-first`: DROP COLUMN of a nullable or defaulted column, DROP TABLE, SET NOT NULL, a new CHECK/UNIQUE/EXCLUDE/PRIMARY KEY, CREATE UNIQUE INDEX, data changes (publisher only). `either`: adding or dropping a foreign key (the apply worker runs with `session_replication_role = replica`, so foreign keys are not checked for replicated rows; a TRUNCATE of the referenced table then stops apply, RESTRICT). `unsafe`: DROP COLUMN of a NOT NULL column without default (needs DROP NOT NULL first), two opposite commands in one ALTER TABLE. Statements on tables that are not replicated need no order, nor do statements on relations PostgreSQL never publishes: temporary and unlogged tables, materialized views and views. `replint plan FILE` lists them.",
            error: "Subscriber-first DROP: `logical replication target relation \"hbi.hosts\" is missing replicated column: \"tags\"`. Subscriber-first SET NOT NULL or a new CHECK: `null value in column \"tags\" of relation \"hosts\" violates not-null constraint`, `new row for relation \"hosts\" violates check constraint`. Publisher-first DROP TABLE: `logical replication target relation \"hbi.hosts\" does not exist`.",
            docs: ReplicationNotes.restrictions))

    /// Its own plain changes whose order the file contradicts, and those of a
    /// rule that is turned off: a change another rule owns is that rule's
    /// finding, and that rule reports every change it declares.
    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        let declared = context.declaration
        return ApplyOrderClassifier.changes(statement, in: context).compactMap { change in
            guard change.rule == id || context.configuration.ruleSettings[change.rule] == .off else { return nil }
            switch change.order {
            case .unsafe:
                var message = "this statement breaks replication in both orders: \(change.reason)"
                if let first = change.prerequisite {
                    message += ". Ship `\(first)` subscriber-first in its own file, then this statement publisher-first"
                }
                return Violation(range: change.range, message: message,
                                 help: HelpText.unsafeOrder(statement, prerequisite: change.prerequisite))
            case .either:
                return nil
            case let needed where needed != declared.order:
                return Violation(range: change.range, message: """
                    this statement must reach the \(needed.firstSide) first (\(change.reason)), but the file is \
                    \(declared.order.rawValue) (\(declared.source.rawValue)); move it to a file declared \
                    `-- replint: apply-order \(needed.rawValue)`
                    """, help: HelpText.applyOrder(statement, needs: needed))
            default:
                return nil
            }
        }
    }

    public func orderedChanges(_ statement: Statement, in context: LintContext) -> [OrderedChange] {
        ApplyOrderClassifier.changes(statement, in: context).filter { $0.rule == id }
    }

    public var readsOrderedChanges: Bool { true }

    public func checkFile(_ context: LintContext) -> [Violation] {
        context.declaration.problems.map {
            Violation(range: $0.range, message: $0.message)
        }
    }
}

extension ApplyOrder {
    /// The side a file in this order reaches first.
    var firstSide: String {
        switch self {
        case .subscriberFirst: "subscriber"
        case .publisherFirst: "publisher"
        case .either, .unsafe: "either side"
        }
    }
}
