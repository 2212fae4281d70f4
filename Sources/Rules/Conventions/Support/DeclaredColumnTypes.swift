import Lint
import Schema
import SQLSource

/// A column type a statement writes: in CREATE TABLE, ALTER TABLE ... ADD
/// COLUMN and ALTER COLUMN ... TYPE, the places where a type becomes a
/// column's for good.
struct DeclaredColumnType {
    let table: RangeVar
    let column: String
    /// `format_type`'s spelling (`integer`, `character varying(36)`).
    let declared: String
    /// replint's normalised name (`int4`, `varchar(36)`, `timestamp(3)[]`), array suffix included.
    let normalized: String
    /// `serial`, `bigserial`, `smallserial` and their aliases.
    let isSerial: Bool
    /// Absolute byte offset of the type in the file.
    let offset: Int

    /// The normalised name without modifiers and array suffix (`varchar`, `int4`).
    let base: String

    init(table: RangeVar, column: String, declared: String, normalized: String, isSerial: Bool, offset: Int) {
        self.table = table
        self.column = column
        self.declared = declared
        self.normalized = normalized
        self.isSerial = isSerial
        self.offset = offset
        self.base = String(normalized.prefix { $0 != "(" && $0 != "[" })
    }
    /// The length or precision written (`36` of `varchar(36)`).
    var modifier: String? {
        guard let open = normalized.firstIndex(of: "("), let close = normalized.firstIndex(of: ")") else { return nil }
        return String(normalized[normalized.index(after: open)..<close])
    }
    var isArray: Bool { normalized.hasSuffix("]") }

    var placement: String { "column `\(quoteIdentifier(column))` of `\(table.spelled)`" }

    /// The violation a convention rule reports at the type.
    func violation(_ message: String, help: String) -> Violation {
        Violation(range: offset..<offset + 1, message: message, help: help)
    }
}

/// Six rules read them: worked out once per statement.
func declaredColumnTypes(_ statement: Statement, _ context: LintContext) -> [DeclaredColumnType] {
    context.facts.value(statement) { readDeclaredColumnTypes(statement, context) }
}

private func readDeclaredColumnTypes(_ statement: Statement, _ context: LintContext) -> [DeclaredColumnType] {
    guard let node = statement.node else { return [] }
    var pairs: [(RangeVar, String, TypeName)] = []
    if let create = node.createTable {
        pairs = create.columns.compactMap { def in def.typeName.map { (create.relation, def.name, $0) } }
    } else if let alter = node.alterTable, alter.altersTable {
        for command in alter.commands {
            switch command.action {
            case .addColumn, .addColumnRecurse:
                if let def = command.definition?.columnDef, let type = def.typeName { pairs.append((alter.relation, def.name, type)) }
            case .alterColumnType:
                if let type = command.definition?.columnDef?.typeName { pairs.append((alter.relation, command.name ?? "?", type)) }
            default:
                continue
            }
        }
    }
    return pairs.map { table, column, type in
        let resolved = context.publisherCatalog.columnType(type, searchPath: context.searchPath)
        return DeclaredColumnType(table: table, column: column, declared: resolved.declared, normalized: resolved.normalized,
                                  isSerial: resolved.isSerial, offset: statement.range.lowerBound + type.location)
    }
}

enum ConventionNotes {
    static let category = (title: "Category", body: """
    `conventions`: nothing breaks when the statement runs; the choice costs later, in a migration \
    that has to change it on a table full of rows. It applies to tables created in the same file \
    too: that is where the choice is made.
    """)

    static func squawk(_ remark: String = "") -> (title: String, body: String) {
        (title: "squawk", body: "squawk reports the same columns under the same id." + (remark.isEmpty ? "" : " " + remark))
    }
}
