import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banDropSchema: RuleID = "ban-drop-schema"
}

public struct BanDropSchemaRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banDropSchema,
        name: "DROP SCHEMA of an existing schema",
        category: .compatibility,
        defaultSeverity: .warning,
        summary: "DROP SCHEMA of a schema that existed before the file.",
        rationale: """
        A schema holds tables, views, functions and types; with CASCADE all of them go, without it \
        the statement fails while anything is left. Either way, everything that used an object in it \
        breaks, and `search_path` settings that name it silently resolve elsewhere.
        """,
        safeAlternative: """
        Move or drop the objects one by one (each with its own finding), deploy code that no longer \
        uses the schema, and drop the empty schema in a later migration.
        """,
        triggeringExamples: [
            RuleExample("↓DROP SCHEMA hbi CASCADE;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
            RuleExample("↓DROP SCHEMA IF EXISTS \"Legacy\";", note: "A quoted name"),
            RuleExample("↓DROP SCHEMA reporting, archive;", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE SCHEMA scratch;\nDROP SCHEMA scratch;", note: "A schema created in the same file"),
            RuleExample("DROP SCHEMA nowhere;", note: "With a baseline, a schema it does not have", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
            RuleExample("DROP TABLE IF EXISTS scratch_t;", note: "Not a schema", baseline: "CREATE SCHEMA hbi;"),
        ],
        notes: [CompatibilityNotes.category, CompatibilityNotes.squawk()])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let (_, names) = existingDropped(statement, [.schema], context) else { return [] }
        return [Violation(range: statement.range,
                          message: "drops schema \(listed(names)), which existed before this file: everything in it, and every client that uses it, goes with it",
                          help: stagedRemovalHelp(listed(names), statement))]
    }
}
