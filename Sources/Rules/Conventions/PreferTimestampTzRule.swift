import Lint
import Schema
import SQLSource

extension RuleID {
    public static let preferTimestampTz: RuleID = "prefer-timestamp-tz"
}

public struct PreferTimestampTzRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .preferTimestampTz,
        name: "timestamp without time zone column",
        category: .conventions,
        defaultSeverity: .warning,
        summary: "A column declared `timestamp` / `timestamp without time zone`.",
        rationale: """
        `timestamp` stores the wall-clock reading and forgets the offset: `2019-10-11 21:11:24+02` \
        and `2019-10-11 21:11:24-06` are stored as the same value, eight hours apart in reality, and \
        every reader must know which zone the writer meant. `timestamptz` stores an instant (as UTC) \
        and converts to the session's TimeZone on output, at the same cost.
        """,
        safeAlternative: """
        Declare it `timestamptz`: `ALTER TABLE hbi.hosts ADD COLUMN last_check_in timestamptz;`.
        """,
        triggeringExamples: [
            RuleExample("CREATE TABLE hbi.t (created ↓timestamp, seen ↓timestamp(3) without time zone);"),
            RuleExample("ALTER TABLE \"hbi\".\"Hosts\" ADD COLUMN \"Seen\" ↓timestamp;", note: "Quoted names"),
            RuleExample("ALTER TABLE hbi.hosts ALTER COLUMN seen TYPE ↓pg_catalog.timestamp[];"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.t (created timestamptz, seen timestamp with time zone, d date, t time);"),
            RuleExample("CREATE FUNCTION hbi.f(a timestamp) RETURNS int LANGUAGE sql AS $$SELECT 1$$;", note: "Only column types"),
            RuleExample("SELECT now()::timestamp;"),
        ],
        notes: [ConventionNotes.category, ConventionNotes.squawk("squawk does not report the quoted spelling `\"timestamp\"`; replint does.")])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        declaredColumnTypes(statement, context).filter { t in t.base == "timestamp" }.map { t in
            t.violation("\(t.placement) is `\(t.declared)`: it stores the wall-clock reading without its offset, so two instants hours apart can be stored as the same value", help: "Declare it `timestamptz`: `\(quoteIdentifier(t.column)) timestamptz\(t.modifier.map { "(\($0))" } ?? "")\(t.isArray ? "[]" : "")`.")
        }
    }
}
