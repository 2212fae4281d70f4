import Lint
import Schema
import SQLSource

extension RuleID {
    public static let requireEnumValueOrdering: RuleID = "require-enum-value-ordering"
}

public struct RequireEnumValueOrderingRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .requireEnumValueOrdering,
        name: "ADD VALUE without BEFORE or AFTER",
        category: .conventions,
        defaultSeverity: .warning,
        summary: "ALTER TYPE ... ADD VALUE without BEFORE or AFTER.",
        rationale: """
        An enum sorts by declaration order, not by label: `ORDER BY`, `<`, `>`, `min` and `max` on \
        the column follow it. A value added without BEFORE or AFTER goes last, which is right only \
        when it really belongs after every existing one; saying where makes the order a decision \
        instead of an accident.
        """,
        safeAlternative: """
        Say where the value belongs: `ALTER TYPE hbi.state ADD VALUE 'starting' BEFORE 'up';` (or \
        `AFTER 'down'` when last is meant).
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TYPE hbi.state ADD VALUE 'starting';", baseline: "CREATE SCHEMA hbi; CREATE TYPE hbi.state AS ENUM ('up', 'down');"),
            RuleExample("↓ALTER TYPE \"hbi\".\"State\" ADD VALUE IF NOT EXISTS 'gone';", note: "Without a baseline; quoted names"),
            RuleExample("CREATE TYPE hbi.s AS ENUM ('a');\n↓ALTER TYPE hbi.s ADD VALUE 'b';", note: "A type created in the same file: the order is still a choice"),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TYPE hbi.state ADD VALUE 'starting' BEFORE 'up';"),
            RuleExample("ALTER TYPE hbi.state ADD VALUE 'gone' AFTER 'down';"),
            RuleExample("ALTER TYPE hbi.state RENAME VALUE 'up' TO 'online';"),
        ],
        notes: [ConventionNotes.category, ConventionNotes.squawk()])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let alter = statement.node?.alterEnum, alter.oldLabel == nil, alter.neighbor == nil else { return [] }
        let name = spelled(alter.names)
        let last = context.enumLabels(alter.names)?.last.map { "'\($0)'" } ?? "'<last value>'"
        return [Violation(range: statement.range,
                          message: "adds '\(alter.newLabel)' to enum `\(name)` without BEFORE or AFTER: it sorts after every existing value",
                          help: "Say where it belongs: `ALTER TYPE \(name) ADD VALUE\(alter.ifNotExists ? " IF NOT EXISTS" : "") '\(alter.newLabel)' AFTER \(last);` (or BEFORE the value it precedes).")]
    }
}

extension LintContext {
    /// The labels of the enum `names` (`["hbi", "state"]`) as the model knows them just before the statement.
    func enumLabels(_ names: [String]) -> [String]? {
        guard let name = names.last else { return nil }
        let candidates = names.count > 1 ? [QualifiedName(names[names.count - 2], name)] : searchPath.map { QualifiedName($0, name) }
        return candidates.lazy.compactMap { self.publisherCatalog.enumType($0)?.labels }.first
    }
}
