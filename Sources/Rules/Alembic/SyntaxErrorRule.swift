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
        migration runner, which talks to PostgreSQL directly. `COPY ... FROM stdin` data without its \
        `\\.` line turns the rest of the file into data, so psql never runs what follows. A statement \
        nested more than about 1,000 levels deep is reported as nested too deeply and not checked further.
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
            RuleExample("COPY hbi.t (a) FROM stdin;\n↓1\n2\nDROP TABLE hbi.hosts;\n",
                        note: "COPY data without its `\\.` line swallows the rest of the file"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE FUNCTION hbi.one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;"),
            RuleExample("BEGIN;\n;\nCOMMIT;", note: "An empty statement"),
            RuleExample("SELECT 'a;b' AS \"x;y\"; -- ; in a comment"),
            RuleExample("COPY hbi.t (a) FROM stdin;\n1\n\\.\nSELECT 1;\n"),
        ])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let failure = statement.failure else { return [] }
        // "at end of input" points just past the statement's last token.
        let start = min(max(failure.offset, statement.range.lowerBound), statement.range.upperBound)
        let range = start..<min(start + 1, max(start, statement.fullRange.upperBound))
        guard !failure.tooDeep else {
            return [Violation(range: range, message: "this statement is \(failure.message); no other rule checked it",
                              help: "Write the expression flatter (a function, a lookup table, or several statements).")]
        }
        return [Violation(range: range, message: "PostgreSQL would reject this statement: \(failure.message)")]
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
        return stretches + metas + unterminatedCopy(document)
    }

    /// psql reads everything after `COPY ... FROM stdin;` as data until a `\.`
    /// line; without one, the statements below it never run.
    private func unterminatedCopy(_ document: SQLDocument) -> [Violation] {
        guard let data = document.unterminatedCopyData else { return [] }
        let file = document.file
        let start = min(data.lowerBound, max(0, file.bytes.count - 1))
        let line = file.location(of: data.lowerBound).line
        let firstLine = file.lines.range(ofLine: line, in: file.bytes)
        return [Violation(range: start..<max(start + 1, min(firstLine.upperBound, data.upperBound)),
                          message: "the `COPY ... FROM stdin` data that starts on line \(line) has no `\\.` line, so it runs to the end of the file: psql reads everything from line \(line) on as data, and replint checks none of it as SQL",
                          help: "End the data with a line holding only `\\.`, then the statements that follow are run and linted.")]
    }
}
