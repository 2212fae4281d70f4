import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banDropView: RuleID = "ban-drop-view"
}

public struct BanDropViewRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banDropView,
        name: "DROP VIEW of an existing view",
        category: .compatibility,
        defaultSeverity: .warning,
        summary: "DROP VIEW or DROP MATERIALIZED VIEW of a view that existed before the file.",
        rationale: """
        Applications and reports query views like tables; once it is dropped they fail (`relation \
        \"hbi.active_hosts\" does not exist`). To change a view's definition, `CREATE OR REPLACE \
        VIEW` keeps it in place.
        """,
        safeAlternative: """
        Change the definition in place with `CREATE OR REPLACE VIEW hbi.active_hosts AS ...` (same \
        columns first, new ones at the end), or stop using the view in the application and drop it \
        in a later migration.
        """,
        triggeringExamples: [
            RuleExample("↓DROP VIEW hbi.active_hosts;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb); CREATE VIEW hbi.active_hosts AS SELECT id FROM hbi.hosts;"),
            RuleExample("↓DROP MATERIALIZED VIEW IF EXISTS \"hbi\".\"Stats\";", note: "Quoted names"),
            RuleExample("↓DROP VIEW host_names;", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE VIEW hbi.v AS SELECT 1 AS one;\nDROP VIEW hbi.v;", note: "A view created in the same file"),
            RuleExample("DROP TABLE hbi.t_unrelated_view;", baseline: "CREATE SCHEMA hbi;"),
            RuleExample("DROP VIEW hbi.nowhere;", note: "With a baseline, a view it does not have", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
        ],
        notes: [CompatibilityNotes.category, CompatibilityNotes.squawk()])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let (_, names) = existingDropped(statement, [.view, .materializedView], context) else { return [] }
        return [Violation(range: statement.range,
                          message: "drops view \(listed(names)), which existed before this file: every query that still reads it fails",
                          help: stagedRemovalHelp(listed(names), statement))]
    }
}
