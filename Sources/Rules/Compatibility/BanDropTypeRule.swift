import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banDropType: RuleID = "ban-drop-type"
}

public struct BanDropTypeRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banDropType,
        name: "DROP TYPE of an existing type",
        category: .compatibility,
        defaultSeverity: .warning,
        summary: "DROP TYPE of a type that existed before the file.",
        rationale: """
        Columns, function arguments and casts that use the type fail or, with CASCADE, are dropped \
        with it: a column of the type disappears with its data. Clients that cast to it \
        (`'up'::hbi.state`) fail.
        """,
        safeAlternative: """
        Move every column off the type first (`ALTER TABLE hbi.hosts ALTER COLUMN state TYPE text;` \
        in its own migration, which has its own findings), deploy code that no longer names it, and \
        drop it in a later migration.
        """,
        triggeringExamples: [
            RuleExample("↓DROP TYPE hbi.state;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb); CREATE TYPE hbi.state AS ENUM ('up', 'down');"),
            RuleExample("↓DROP TYPE IF EXISTS \"hbi\".\"Mood\" CASCADE;", note: "Quoted names"),
            RuleExample("↓DROP TYPE state;", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TYPE hbi.s AS ENUM ('a');\nDROP TYPE hbi.s;", note: "A type created in the same file"),
            RuleExample("DROP TYPE hbi.nowhere;", note: "With a baseline, a type it does not have", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
            RuleExample("DROP DOMAIN IF EXISTS hbi.positive;", note: "ban-drop-domain reports domains", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
        ],
        notes: [CompatibilityNotes.category, CompatibilityNotes.squawk()])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let (_, names) = existingDropped(statement, [.type], context) else { return [] }
        return [Violation(range: statement.range,
                          message: "drops type \(listed(names)), which existed before this file: columns, functions and casts that use it break (with CASCADE, columns of it are dropped)",
                          help: stagedRemovalHelp(listed(names), statement))]
    }
}
