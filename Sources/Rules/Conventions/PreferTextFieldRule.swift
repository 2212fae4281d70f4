import Lint
import Schema
import SQLSource

extension RuleID {
    public static let preferTextField: RuleID = "prefer-text-field"
}

public struct PreferTextFieldRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .preferTextField,
        name: "varchar(n) column",
        category: .conventions,
        defaultSeverity: .warning,
        summary: "A column declared `varchar(n)` / `character varying(n)` with a length.",
        rationale: """
        The length limit lives in the column's type. Raising it is a catalog-only change since \
        PostgreSQL 9.2 but still takes an ACCESS EXCLUSIVE lock, which waits behind every running \
        query and blocks every query behind it; lowering it rewrites the table. A CHECK constraint \
        carries the same limit and can be replaced without blocking (`NOT VALID`, then `VALIDATE \
        CONSTRAINT`).
        """,
        safeAlternative: """
        Use `text` with a CHECK constraint: `ALTER TABLE hbi.hosts ADD COLUMN name text CONSTRAINT \
        hosts_name_length CHECK (char_length(name) <= 255);`.
        """,
        triggeringExamples: [
            RuleExample("CREATE TABLE hbi.t (name ↓varchar(255));"),
            RuleExample("ALTER TABLE \"hbi\".\"Hosts\" ADD COLUMN \"Label\" ↓character varying(36);", note: "Quoted names"),
            RuleExample("ALTER TABLE hbi.hosts ALTER COLUMN name TYPE ↓varchar(100)[];"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.t (name text, note varchar);", note: "Without a length, varchar is text"),
            RuleExample("CREATE DOMAIN hbi.label AS varchar(10);", note: "Only column types"),
            RuleExample("SELECT 'a'::varchar(3);"),
        ],
        notes: [ConventionNotes.category, ConventionNotes.squawk("")])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        declaredColumnTypes(statement, context).filter { t in t.base == "varchar" && t.modifier != nil }.map { t in
            t.violation("\(t.placement) is `\(t.declared)`: changing the limit later takes an ACCESS EXCLUSIVE lock (and lowering it rewrites the table)", help: "Use `text` with a CHECK constraint: `\(quoteIdentifier(t.column)) text\(t.isArray ? "[]" : "")\(t.isArray ? "" : " CHECK (char_length(\(quoteIdentifier(t.column))) <= \(t.modifier ?? "n"))")`.")
        }
    }
}
