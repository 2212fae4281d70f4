/// The statements of a file that build indexes on or alter each table, by
/// the table's unqualified name, read once per file: rules that look ahead
/// ("is an index created later?") read only the statements about that
/// table instead of the whole file after each statement.
public struct RelationStatements: Sendable {
    private let byName: [String: [Statement]]

    public init(_ document: SQLDocument) {
        var byName: [String: [Statement]] = [:]
        for statement in document.statements {
            guard let node = statement.node, let relation = node.createIndex?.relation ?? node.alterTable?.relation else { continue }
            byName[relation.name, default: []].append(statement)
        }
        self.byName = byName
    }

    /// The CREATE INDEX and ALTER TABLE statements on a table named `name`
    /// (in any schema) after `statement`, in order.
    public func after(_ statement: Statement, named name: String) -> [Statement] {
        (byName[name] ?? []).filter { $0.index > statement.index }
    }

    /// The same, before `statement`.
    public func before(_ statement: Statement, named name: String) -> [Statement] {
        (byName[name] ?? []).filter { $0.index < statement.index }
    }
}
