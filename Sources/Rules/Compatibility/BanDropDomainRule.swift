import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banDropDomain: RuleID = "ban-drop-domain"
}

public struct BanDropDomainRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banDropDomain,
        name: "DROP DOMAIN of an existing domain",
        category: .compatibility,
        defaultSeverity: .warning,
        summary: "DROP DOMAIN of a domain that existed before the file.",
        rationale: """
        Columns of the domain are dropped with it (CASCADE) or make the statement fail, and clients \
        that cast to it (`'x'::hbi.email`) fail.
        """,
        safeAlternative: """
        Move the columns to the base type first (`ALTER TABLE hbi.users ALTER COLUMN email TYPE \
        text;`, with a CHECK constraint if the rule must stay), then drop the domain in a later \
        migration.
        """,
        triggeringExamples: [
            RuleExample("↓DROP DOMAIN hbi.positive;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb); CREATE DOMAIN hbi.positive AS int CHECK (VALUE > 0);"),
            RuleExample("↓DROP DOMAIN IF EXISTS \"hbi\".\"Email\" CASCADE;", note: "Quoted names"),
            RuleExample("↓DROP DOMAIN email;", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE DOMAIN hbi.d AS int;\nDROP DOMAIN hbi.d;", note: "A domain created in the same file"),
            RuleExample("DROP DOMAIN hbi.nowhere;", note: "With a baseline, a domain it does not have", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
            RuleExample("DROP TYPE hbi.some_type;", note: "ban-drop-type reports types", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
        ],
        notes: [CompatibilityNotes.category, CompatibilityNotes.squawk()])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let (_, names) = existingDropped(statement, [.domain], context) else { return [] }
        return [Violation(range: statement.range,
                          message: "drops domain \(listed(names)), which existed before this file: its columns and the clients that cast to it break",
                          help: stagedRemovalHelp(listed(names), statement))]
    }
}
