import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banDropDatabase: RuleID = "ban-drop-database"
}

public struct BanDropDatabaseRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banDropDatabase,
        name: "DROP DATABASE",
        category: .compatibility,
        defaultSeverity: .error,
        summary: "DROP DATABASE in a migration.",
        rationale: """
        A migration runs against one application database; dropping a database destroys it and \
        everything in it, and every client of it fails. PostgreSQL refuses the statement inside a \
        transaction block (`DROP DATABASE cannot run inside a transaction block`), so in alembic's \
        offline SQL it also fails the file.
        """,
        safeAlternative: """
        Drop databases by hand, outside migrations, after a backup. A migration that must remove \
        data drops the tables it owns (each with its own finding).
        """,
        triggeringExamples: [
            RuleExample("↓DROP DATABASE inventory;"),
            RuleExample("↓DROP DATABASE IF EXISTS \"Inventory\" WITH (FORCE);", note: "A quoted name"),
            RuleExample("↓DROP DATABASE insights;", note: "With a baseline the database is never one the file created", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
        ],
        nonTriggeringExamples: [
            RuleExample("DROP SCHEMA IF EXISTS scratch;", note: "Not a database", baseline: "CREATE SCHEMA hbi;"),
            RuleExample("CREATE DATABASE scratch;"),
            RuleExample("ALTER DATABASE inventory SET work_mem = '64MB';"),
        ],
        notes: [(title: "Category and severity", body: """
    `compatibility`, at error rather than the category's warning: nothing in a migration should destroy a \
    whole database, and PostgreSQL refuses the statement in alembic's transaction anyway.
    """), CompatibilityNotes.squawk()])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let database = statement.node?.droppedDatabase else { return [] }
        return [Violation(range: statement.range, message: "drops database `\(database)`: everything in it, and every client of it, is gone")]
    }
}
