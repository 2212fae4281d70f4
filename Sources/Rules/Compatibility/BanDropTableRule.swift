import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banDropTable: RuleID = "ban-drop-table"
}

public struct BanDropTableRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banDropTable,
        name: "DROP TABLE of an existing table",
        category: .compatibility,
        defaultSeverity: .warning,
        summary: "DROP TABLE (or DROP FOREIGN TABLE) of a table that existed before the file.",
        rationale: """
        Every query that still names the table fails (`relation \"hbi.hosts\" does not exist`): the \
        application version that is deployed while the migration runs, the previous version during a \
        rollback, reports and other services. Its rows are gone with it, and no migration brings \
        them back.
        """,
        safeAlternative: """
        Stop reading and writing the table in the application and deploy that; drop it in a later \
        migration. Until then `REVOKE ALL ON hbi.hosts FROM app;` finds the last users without \
        losing data.
        """,
        triggeringExamples: [
            RuleExample("↓DROP TABLE hbi.hosts;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
            RuleExample("↓DROP TABLE IF EXISTS \"hbi\".\"Groups\", hbi.hosts CASCADE;", note: "Quoted and schema-qualified names"),
            RuleExample("↓DROP FOREIGN TABLE remote_hosts;", note: "Without a baseline every table the file did not create counts"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.t (id int);\nDROP TABLE hbi.t;", note: "A table created in the same file"),
            RuleExample("DROP TABLE hbi.nowhere;", note: "With a baseline, a table it does not have (schema-contradiction reports that with --schema-strict)", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
            RuleExample("DROP VIEW hbi.hosts_view;"),
        ],
        notes: [CompatibilityNotes.category, CompatibilityNotes.squawk()])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let (_, names) = existingDropped(statement, [.table, .foreignTable], context) else { return [] }
        return [Violation(range: statement.range,
                          message: "drops table \(listed(names)), which existed before this file: every query that still names it fails, and its rows are gone",
                          help: stagedRemovalHelp(listed(names), statement))]
    }
}
