import Lint
import SQLSource

extension RuleID {
    public static let syntaxError: RuleID = "syntax-error"
}

/// Text PostgreSQL would reject, reported where libpg_query points.
public struct SyntaxErrorRule: Rule {
    public init() {}

    public var engineRole: EngineRole? { .baselineSyntaxError }

    public let description = RuleDescription(
        id: .syntaxError,
        name: "Syntax error",
        category: .alembic,
        defaultSeverity: .error,
        summary: "A statement does not parse, or text belongs to no statement.",
        rationale: """
        Each statement is parsed on its own by libpg_query (PostgreSQL's own parser), so one bad \
        statement is one finding and the statements after it are still linted. Text the scanner \
        cannot even split (an unterminated string or comment) is reported as one stretch. psql \
        meta-commands such as `\\restrict` or `\\connect` are not SQL: they cannot run through the \
        migration runner, which talks to PostgreSQL directly.
        """,
        safeAlternative: """
        Fix the statement at the position shown. Delete psql meta-commands from migrations (they \
        belong to `psql` scripts, not to files the runner executes).
        """,
        triggeringExamples: [
            RuleExample("SELECT 1;\nALTER TABLE hbi.hosts ADD COLUMN x inx ↓int;\nSELECT 3;"),
            RuleExample("SELECT 1↓);\nSELECT 2;"),
            RuleExample("SELECT (1↓;\nSELECT 2;"),
            RuleExample("↓asdf;\nSELECT 1;"),
            RuleExample("↓\\restrict abc123\nSELECT 1;", note: "A psql meta-command"),
            RuleExample("SELECT 1;\n↓SELECT 'unterminated;\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE FUNCTION hbi.one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;"),
            RuleExample("BEGIN;\n;\nCOMMIT;", note: "An empty statement"),
            RuleExample("SELECT 'a;b' AS \"x;y\"; -- ; in a comment"),
        ])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let failure = statement.failure else { return [] }
        // "at end of input" points just past the statement's last token.
        let start = min(max(failure.offset, statement.range.lowerBound), statement.range.upperBound)
        return [Violation(range: start..<min(start + 1, max(start, statement.fullRange.upperBound)),
                          message: "PostgreSQL would reject this statement: \(failure.message)")]
    }

    public func checkFile(_ context: LintContext) -> [Violation] {
        let document = context.document
        let stretches = document.stretches.map {
            Violation(range: $0.range, message: "this text cannot be split into statements: \($0.message)")
        }
        let metas = document.metaCommands.map {
            Violation(range: $0.range,
                      message: "psql meta-command `\($0.name)` is not SQL and cannot run through the migration runner",
                      help: "Delete the line; meta-commands belong to psql scripts, not to migrations.")
        }
        return stretches + metas
    }
}
