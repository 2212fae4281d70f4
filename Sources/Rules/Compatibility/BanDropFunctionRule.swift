import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banDropFunction: RuleID = "ban-drop-function"
}

public struct BanDropFunctionRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banDropFunction,
        name: "DROP FUNCTION of an existing function",
        category: .compatibility,
        defaultSeverity: .warning,
        summary: "DROP FUNCTION, PROCEDURE, ROUTINE or AGGREGATE of one that existed before the file.",
        rationale: """
        Callers fail (`function hbi.host_count() does not exist`): the application, triggers and \
        defaults that call it, views that use it (without CASCADE the DROP itself fails on those; \
        with it they go too).
        """,
        safeAlternative: """
        Stop calling the function everywhere first; to change it, `CREATE OR REPLACE FUNCTION` with \
        the same arguments keeps it in place, or add the new version beside the old one and drop the \
        old one in a later migration.
        """,
        triggeringExamples: [
            RuleExample("↓DROP FUNCTION hbi.host_count();", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb); CREATE FUNCTION hbi.host_count() RETURNS bigint LANGUAGE sql AS $$SELECT count(*) FROM hbi.hosts$$;"),
            RuleExample("↓DROP PROCEDURE IF EXISTS \"hbi\".\"Refresh\"(int);", note: "Quoted names"),
            RuleExample("↓DROP AGGREGATE array_concat_agg(anycompatiblearray);", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE FUNCTION hbi.f() RETURNS int LANGUAGE sql AS $$SELECT 1$$;\nDROP FUNCTION hbi.f();", note: "A function created in the same file"),
            RuleExample("DROP FUNCTION hbi.nowhere();", note: "With a baseline, a function it does not have", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
            RuleExample("DROP TRIGGER t ON hbi.hosts;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
        ],
        notes: [CompatibilityNotes.category, CompatibilityNotes.squawk()])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let (_, names) = existingDropped(statement, [.function, .procedure, .routine, .aggregate], context) else { return [] }
        return [Violation(range: statement.range,
                          message: "drops \(listed(names)), which existed before this file: every caller (application, triggers, defaults, views) fails",
                          help: stagedRemovalHelp(listed(names), statement))]
    }
}
