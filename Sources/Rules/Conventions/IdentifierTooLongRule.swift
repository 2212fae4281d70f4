import Lint
import Schema
import SQLSource

extension RuleID {
    public static let identifierTooLong: RuleID = "identifier-too-long"
}

public struct IdentifierTooLongRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .identifierTooLong,
        name: "Identifier longer than 63 bytes",
        category: .conventions,
        defaultSeverity: .warning,
        summary: "An identifier longer than 63 bytes, which PostgreSQL silently truncates.",
        rationale: """
        PostgreSQL keeps at most 63 bytes of a name (NAMEDATALEN - 1) and cuts the rest with only a \
        NOTICE: the table, index or constraint gets a name the migration does not show, two long \
        names that share their first 63 bytes collide (`relation ... already exists`), and tools \
        that compare the model's names with the database's see a difference on every run.
        """,
        safeAlternative: """
        Choose a name of at most 63 bytes (ORMs generate long index and constraint names from table \
        and column names: give those a short explicit name).
        """,
        triggeringExamples: [
            RuleExample("CREATE TABLE hbi.↓host_inventory_records_with_a_name_that_keeps_going_and_going_forever (id bigint);"),
            RuleExample("CREATE INDEX ↓\"Index_on_host_inventory_records_with_a_name_that_keeps_going_on_\" ON hbi.hosts (id);", note: "A quoted name of 64 bytes"),
            RuleExample("ALTER TABLE hbi.hosts RENAME CONSTRAINT c TO ↓constraint_name_that_is_definitely_longer_than_sixty_three_bytes_x;"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.host_inventory_records (id bigint);"),
            RuleExample("CREATE INDEX \"exactly_sixty_three_bytes_long_index_name_for_hosts_table_abcde\" ON hbi.hosts (id);", note: "63 bytes is the limit, not over it"),
            RuleExample("SELECT 'a string literal that is much longer than sixty-three bytes, which is fine';", note: "String literals are not identifiers"),
        ],
        notes: [ConventionNotes.category, ConventionNotes.squawk()])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        context.file.identifiers(in: statement.range, longerThan: Self.limit).map { identifier in
            let kept = String(decoding: identifier.name.utf8.prefix(Self.limit), as: UTF8.self)
            return Violation(range: identifier.range,
                             message: "`\(identifier.name)` is \(identifier.name.utf8.count) bytes long: PostgreSQL keeps only its first \(Self.limit) bytes (`\(kept)`)",
                             help: "Use a name of at most \(Self.limit) bytes; the database will call it `\(kept)` otherwise.")
        }
    }

    /// NAMEDATALEN - 1.
    static let limit = 63
}
