import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banDropExtension: RuleID = "ban-drop-extension"
}

public struct BanDropExtensionRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banDropExtension,
        name: "DROP EXTENSION of an existing extension",
        category: .compatibility,
        defaultSeverity: .warning,
        summary: "DROP EXTENSION of an extension that existed before the file.",
        rationale: """
        An extension brings functions, types and operators (`gen_random_uuid()` before PostgreSQL \
        13, `citext`, `gin_trgm_ops`); dropping it removes them all, with CASCADE the columns and \
        indexes that use them, and every query that calls them fails.
        """,
        safeAlternative: """
        Find what uses the extension (`SELECT * FROM pg_depend WHERE refobjid = (SELECT oid FROM \
        pg_extension WHERE extname = 'pg_trgm');`), move those off it in their own migrations, and \
        drop it last.
        """,
        triggeringExamples: [
            RuleExample("↓DROP EXTENSION pg_trgm;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb); CREATE EXTENSION pg_trgm;"),
            RuleExample("↓DROP EXTENSION IF EXISTS \"uuid-ossp\" CASCADE;", note: "A quoted name"),
            RuleExample("↓DROP EXTENSION citext;", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE EXTENSION IF NOT EXISTS hstore;\nDROP EXTENSION hstore;", note: "An extension created in the same file"),
            RuleExample("ALTER EXTENSION pg_trgm UPDATE;", note: "Updating an extension keeps its objects"),
            RuleExample("CREATE EXTENSION citext;"),
        ],
        notes: [CompatibilityNotes.category,
                (title: "What counts as existing", body: "The schema model keeps no extensions: every extension the file did not create earlier counts as existing, with or without a baseline."),
                CompatibilityNotes.squawk()])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let (_, dropped) = existingDropped(statement, [.extension], context) else { return [] }
        // The schema model keeps no extensions: the file itself says which it created.
        let created = Set(context.document.statements.prefix(statement.index).compactMap { $0.node?.createdExtension }.map { quoteIdentifier($0) })
        let names = dropped.filter { !created.contains($0) }
        guard !names.isEmpty else { return [] }
        return [Violation(range: statement.range,
                          message: "drops extension \(listed(names)), which existed before this file: its functions, types and operators go with it, and every query using them fails",
                          help: stagedRemovalHelp(listed(names), statement))]
    }
}
