import Lint
import SQLSource

extension RuleID {
    public static let schemaContradiction: RuleID = "schema-contradiction"
}

/// A statement the schema model contradicts. The schema model notices it
/// while it applies the statement; the engine reports it with `--schema-strict`
/// (silence otherwise); this type carries its metadata, examples and page.
public struct SchemaContradictionRule: Rule {
    public init() {}

    public var engineRole: EngineRole? { .schemaContradiction }

    public let description = RuleDescription(
        id: .schemaContradiction,
        name: "Statement contradicts the schema model",
        category: .compatibility,
        defaultSeverity: .warning,
        summary: "With --schema-strict: a statement that does not fit the baseline (dropping or altering a table it does not know).",
        rationale: """
        A migration is written against the schema the baseline describes. A statement that \
        drops or alters something the baseline does not have means the baseline is stale, the \
        file is meant for another database, or an earlier migration is missing; on the real \
        database it fails, or, with IF EXISTS, silently does nothing. Reported only with \
        `--schema-strict`, because many teams keep no baseline up to date.
        """,
        safeAlternative: """
        Regenerate the baseline (`pg_dump --schema-only`, see `app_migrations/README.md`), check \
        what replint believes with `replint schema`, or fix the statement.
        """,
        triggeringExamples: [
            RuleExample("↓DROP TABLE hbi.nowhere;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY);"),
            RuleExample("↓ALTER TABLE hbi.hosts DROP COLUMN nothing_here;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY);"),
            RuleExample("↓ALTER TABLE \"hbi\".\"Hosts\" ADD COLUMN a int;", note: "Quoted names keep their case", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY);"),
        ],
        nonTriggeringExamples: [
            RuleExample("DROP TABLE hbi.hosts;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY);"),
            RuleExample("CREATE TABLE hbi.t (id int);\nDROP TABLE hbi.t;", note: "A table created in the same file", baseline: "CREATE SCHEMA hbi;"),
            RuleExample("DROP TABLE IF EXISTS hbi.nowhere;", note: "IF EXISTS says the author expects it may be gone", baseline: "CREATE SCHEMA hbi;"),
        ])
}
