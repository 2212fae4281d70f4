import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banCharField: RuleID = "ban-char-field"
}

public struct BanCharFieldRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banCharField,
        name: "char(n) column",
        category: .conventions,
        defaultSeverity: .warning,
        summary: "A column declared `char(n)` / `character(n)`.",
        rationale: """
        `char(n)` pads every value with spaces to its length, strips them again in comparisons and \
        casts, and is no faster than `text` or `varchar` in PostgreSQL: values come back with \
        trailing blanks the application did not write, and `'a'::char(3) = 'a  '` surprises everyone \
        once. Changing the type later rewrites the table.
        """,
        safeAlternative: """
        Use `text` (with `CHECK (char_length(code) = 3)` if the length is a rule): `ALTER TABLE \
        hbi.hosts ADD COLUMN code text;`.
        """,
        triggeringExamples: [
            RuleExample("CREATE TABLE hbi.t (code ↓char(3));"),
            RuleExample("ALTER TABLE \"hbi\".\"Hosts\" ADD COLUMN \"Code\" ↓character(2), ADD COLUMN flag ↓bpchar;", note: "Quoted names; bpchar is the same type"),
            RuleExample("ALTER TABLE hbi.hosts ALTER COLUMN code TYPE ↓char(4)[];", note: "An array of it, in ALTER COLUMN TYPE"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.t (code text, name varchar(10));"),
            RuleExample("CREATE TABLE hbi.t (kind \"char\");", note: "The one-byte internal type `\"char\"` is another type"),
            RuleExample("CREATE DOMAIN hbi.code AS char(3);", note: "Only column types"),
        ],
        notes: [ConventionNotes.category, ConventionNotes.squawk("squawk also reports the one-byte internal type `\"char\"`, which is not `character`; replint does not.")])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        declaredColumnTypes(statement, context).filter { t in t.base == "bpchar" }.map { t in
            t.violation("\(t.placement) is `\(t.declared)`: values are padded with spaces to the length and the blanks are stripped again in comparisons", help: "Use `text` instead: `\(quoteIdentifier(t.column)) text\(t.isArray ? "[]" : "")`, with `CHECK (char_length(\(quoteIdentifier(t.column))) = \(t.modifier ?? "1"))` if the length is a rule.")
        }
    }
}
