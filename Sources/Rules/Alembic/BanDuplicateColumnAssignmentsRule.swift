import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banDuplicateColumnAssignments: RuleID = "ban-duplicate-column-assignments"
}

public struct BanDuplicateColumnAssignmentsRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banDuplicateColumnAssignments,
        name: "Column assigned twice",
        category: .alembic,
        defaultSeverity: .error,
        summary: "An UPDATE that assigns a column twice, or an INSERT that names a column twice.",
        rationale: """
        PostgreSQL parses the statement but refuses it when it plans it: `multiple assignments to \
        same column "state"` for UPDATE, `column "state" specified more than once` for INSERT. The \
        SQL parser replint uses accepts both, so without this rule the file fails only on the \
        database. Assigning different elements or fields of one column (`SET tags[1] = ..., tags[2] \
        = ...`) is allowed and not reported.
        """,
        safeAlternative: """
        Assign each column once: `UPDATE hbi.hosts SET state = 'down' WHERE id = 1;`.
        """,
        triggeringExamples: [
            RuleExample("UPDATE hbi.hosts SET state = 'up', ↓state = 'down' WHERE id = 1;"),
            RuleExample("UPDATE \"hbi\".\"Hosts\" SET (\"Name\", ↓\"Name\") = ('a', 'b');", note: "Quoted names, multiple-column form"),
            RuleExample("INSERT INTO hbi.hosts (id, state, ↓state) VALUES (1, 'up', 'down');"),
        ],
        nonTriggeringExamples: [
            RuleExample("UPDATE hbi.hosts SET state = 'up', name = 'x' WHERE id = 1;"),
            RuleExample("UPDATE hbi.hosts SET tags[1] = 'a', tags[2] = 'b';", note: "Different elements of one array column"),
            RuleExample("INSERT INTO hbi.hosts (id, state) VALUES (1, 'up');"),
        ],
        notes: [(title: "Category and severity", body: "`alembic`, beside `syntax-error`: a statement PostgreSQL rejects, which the parser alone does not catch. Error: the migration fails where it runs."), (title: "squawk", body: "squawk reports UPDATE under the same id; replint also reports the INSERT form.")])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let node = statement.node else { return [] }
        let targets: [ResTarget], words: (String) -> String
        if let update = node.update {
            targets = update.targets
            words = { "multiple assignments to same column \"\($0)\"" }
        } else if let insert = node.insert {
            targets = insert.columnTargets
            words = { "column \"\($0)\" specified more than once" }
        } else {
            return []
        }
        var seen: Set<String> = []
        return targets.filter { !$0.hasIndirection }.compactMap { target in
            guard let name = target.name, !seen.insert(name).inserted else { return nil }
            let offset = statement.range.lowerBound + target.location
            return Violation(range: offset..<offset + 1,
                             message: "PostgreSQL would reject this statement: \(words(name))",
                             help: "Assign `\(quoteIdentifier(name))` once.")
        }
    }
}
