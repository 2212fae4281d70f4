import Lint
import Schema
import SQLSource

extension RuleID {
    public static let plpgsqlSyntaxError: RuleID = "plpgsql-syntax-error"
}

public struct PlpgsqlSyntaxErrorRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .plpgsqlSyntaxError,
        name: "PL/pgSQL that does not compile",
        category: .alembic,
        defaultSeverity: .error,
        summary: "A DO block or LANGUAGE plpgsql function or procedure whose body PostgreSQL would reject.",
        rationale: """
        PostgreSQL checks a PL/pgSQL body only when it compiles it: when CREATE FUNCTION runs (or \
        later, when `check_function_bodies` is off, as in `pg_dump` output) and when a DO block \
        runs. The SQL parser that finds syntax errors sees the body as one string literal, so a \
        broken body passes every SQL check and fails the migration on the database. Each body is \
        compiled here with libpg_query's copy of PostgreSQL's PL/pgSQL compiler, and the finding \
        points at the line of the body it names. A common case: `RAISE NOTICE 'left: %% rows', n` \
        written by someone used to Python's `%` formatting; in PL/pgSQL `%%` is a literal percent \
        sign, so the format takes no argument (`too many parameters specified for RAISE`).
        """,
        safeAlternative: """
        Fix the body at the line shown. In RAISE, each `%` takes one argument and `%%` prints a \
        percent sign: `RAISE NOTICE 'left: % rows', n;`.
        """,
        triggeringExamples: [
            RuleExample("DO $$\nBEGIN\n  ↓RAISE NOTICE 'left: %% rows', 1;\nEND\n$$;"),
            RuleExample("CREATE FUNCTION hbi.touch() RETURNS trigger LANGUAGE plpgsql AS $body$\nBEGIN\n  ↓NEW.updated := now()\n  RETURN NEW;\nEND\n$body$;", note: "A missing `;`: PostgreSQL names the line of the statement that lacks it"),
            RuleExample("CREATE OR REPLACE PROCEDURE \"hbi\".\"Purge\"() AS $$\nDECLARE r record;\nBEGIN\n  ↓RAISE NOTICE '% %', r.id;\nEND $$ LANGUAGE plpgsql;", note: "Too few arguments; quoted names"),
        ],
        nonTriggeringExamples: [
            RuleExample("DO $$\nBEGIN\n  RAISE NOTICE 'left: % rows, 100%% done', 1;\nEND\n$$;"),
            RuleExample("CREATE FUNCTION hbi.one() RETURNS int LANGUAGE sql AS $$ SELECT 1 %% 2 $$;", note: "Not PL/pgSQL"),
            RuleExample("CREATE FUNCTION hbi.n(p_id hbi.hosts.id%TYPE) RETURNS bigint LANGUAGE plpgsql STABLE AS $$\nDECLARE n bigint;\nBEGIN\n  SELECT count(*) INTO n FROM hbi.hosts WHERE id = p_id;\n  RETURN n;\nEND\n$$;"),
        ],
        notes: [(title: "Category and severity", body: "`alembic`, beside `syntax-error`: it is the same kind of problem, a statement PostgreSQL rejects, found in the part of the statement the SQL parser cannot see. Error, like `syntax-error`: the migration fails where it runs.")])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let node = statement.node, let body = node.doBlock ?? node.createFunction?.body, body.language == "plpgsql",
              let failure = PLpgSQL.check(statement.text) else { return [] }
        let what = node.doBlock != nil ? "DO block" : node.createFunction?.isProcedure == true ? "procedure" : "function"
        let place = BodyLine(statement, body, failure.bodyLine, context.file)
        let at = place.map { " (line \($0.bodyLine) of the body)" } ?? ""
        var help = "Fix the body at the line shown."
        if failure.message.contains("parameters specified for RAISE") {
            help += " In RAISE, each `%` takes one argument and `%%` prints a percent sign"
            if let line = place?.text, line.contains("%%") {
                help += "; if the `%%` was meant as a placeholder (Python's formatting), write: `\(line.replacingDoublePercent)`"
            }
            help += "."
        }
        return [Violation(range: place?.range ?? statement.range.lowerBound..<statement.range.lowerBound + 1,
                          message: "PostgreSQL would reject this PL/pgSQL \(what): \(failure.message)\(at)", help: help)]
    }
}

/// The line of a body that PostgreSQL's "near line N" names, located in the file.
private struct BodyLine {
    let bodyLine: Int
    /// From the line's first non-blank character to its end.
    let range: Range<Int>
    let text: String

    init?(_ statement: Statement, _ body: RoutineBody, _ line: Int?, _ file: SourceFile) {
        guard let line, line >= 1,
              let literal = file.firstStringLiteral(in: statement.range.lowerBound + body.searchFrom..<statement.range.upperBound)
        else { return nil }
        let contentStart = file.literalContentStart(literal)
        let fileLine = file.lines.lineIndex(of: contentStart) + line
        guard fileLine <= file.lines.count else { return nil }
        let whole = file.lines.range(ofLine: fileLine, in: file.bytes)
        var start = max(whole.lowerBound, contentStart)
        while start < whole.upperBound, file.bytes[start] == UInt8(ascii: " ") || file.bytes[start] == UInt8(ascii: "\t") { start += 1 }
        guard start < whole.upperBound, start < literal.upperBound else { return nil }
        bodyLine = line
        range = start..<min(whole.upperBound, literal.upperBound)
        text = file.text(range)
    }
}

extension String {
    fileprivate var replacingDoublePercent: String {
        var out = ""
        var previous: Character? = nil
        for ch in self {
            if ch == "%" && previous == "%" { previous = nil; continue }
            previous = ch
            out.append(ch)
        }
        return out
    }
}
