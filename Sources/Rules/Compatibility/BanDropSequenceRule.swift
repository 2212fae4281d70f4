import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banDropSequence: RuleID = "ban-drop-sequence"
}

public struct BanDropSequenceRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banDropSequence,
        name: "DROP SEQUENCE of an existing sequence",
        category: .compatibility,
        defaultSeverity: .warning,
        summary: "DROP SEQUENCE of a sequence that existed before the file.",
        rationale: """
        Defaults that call `nextval` on it (without CASCADE the DROP fails on those; with it the \
        defaults go, and INSERTs that relied on them fail with `null value in column`), and clients \
        that call `nextval`/`currval` themselves, break.
        """,
        safeAlternative: """
        Move the columns off the sequence first (`ALTER TABLE hbi.hosts ALTER COLUMN id DROP \
        DEFAULT;` after the application supplies ids, or an identity column), then drop the sequence \
        in a later migration.
        """,
        triggeringExamples: [
            RuleExample("↓DROP SEQUENCE hbi.host_ids;", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb); CREATE SEQUENCE hbi.host_ids;"),
            RuleExample("↓DROP SEQUENCE IF EXISTS \"hbi\".\"Ids\" CASCADE;", note: "Quoted names"),
            RuleExample("↓DROP SEQUENCE order_numbers;", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE SEQUENCE hbi.s;\nDROP SEQUENCE hbi.s;", note: "A sequence created in the same file"),
            RuleExample("DROP SEQUENCE hbi.nowhere;", note: "With a baseline, a sequence it does not have", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY, tags jsonb);"),
            RuleExample("ALTER SEQUENCE hbi.s RESTART;"),
        ],
        notes: [CompatibilityNotes.category, CompatibilityNotes.squawk()])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let (_, names) = existingDropped(statement, [.sequence], context) else { return [] }
        return [Violation(range: statement.range,
                          message: "drops sequence \(listed(names)), which existed before this file: defaults and clients that draw from it fail",
                          help: stagedRemovalHelp(listed(names), statement))]
    }
}
