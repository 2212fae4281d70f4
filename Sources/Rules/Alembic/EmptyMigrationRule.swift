import Lint
import SQLSource

extension RuleID {
    public static let emptyMigration: RuleID = "empty-migration"
}

public struct EmptyMigrationRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .emptyMigration,
        name: "Empty migration",
        category: .alembic,
        defaultSeverity: .warning,
        summary: "The file has no statement once comments, log output and BEGIN/COMMIT are set aside.",
        rationale: """
        An empty file usually means the generation step captured only log output, or the wrong \
        revision range was given. Running it succeeds and changes nothing, which hides the mistake.
        """,
        safeAlternative: """
        Regenerate with the right range (`alembic upgrade DOWN:UP --sql`), or delete the file.
        """,
        triggeringExamples: [
            RuleExample("↓-- nothing here\n"),
            RuleExample("↓BEGIN;\n\n-- Running upgrade a -> b\n\nCOMMIT;\n"),
            RuleExample("↓"),
        ],
        nonTriggeringExamples: [
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN x int;\nCOMMIT;"),
            RuleExample("SELECT 1;"),
            RuleExample("not sql at all;", note: "A syntax error is reported by syntax-error, not as empty"),
        ])

    public func checkFile(_ context: LintContext) -> [Violation] {
        let document = context.document
        let work = document.statements.contains { $0.node?.transaction == nil }
        guard !work, document.stretches.isEmpty, document.metaCommands.isEmpty else { return [] }
        let start = document.file.contentStart
        return [Violation(range: start..<start, message: "the file has no statement to run")]
    }
}
