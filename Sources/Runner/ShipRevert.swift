import PGClient
import SQLSource

/// The statements that undo a file on the side that already has it, when
/// every statement in it has an obvious inverse: CREATE TABLE, CREATE INDEX
/// with a name, ALTER TABLE ... ADD COLUMN (SET and RESET change nothing
/// lasting). Anything else (a DROP, a type change, data) has none that
/// replint could know, and then the report points at the file's downgrade.
enum ShipRevert {
    static func statements(undoing plan: ExecutionPlan) -> [String]? {
        var reverts: [String] = []
        for statement in plan.statements {
            guard let node = statement.node else { return nil }
            if node.variableSet != nil { continue }
            if let create = node.createTable, !create.ifNotExists, !create.isTemporary {
                reverts.append("DROP TABLE \(name(create.relation.schema, create.relation.name));")
            } else if let index = node.createIndex, let indexName = index.name, !index.ifNotExists {
                reverts.append("DROP INDEX \(index.isConcurrent ? "CONCURRENTLY " : "")\(name(index.relation.schema, indexName));")
            } else if let alter = node.alterTable, alter.objectKind == .table, !alter.commands.isEmpty,
                      alter.commands.allSatisfy({ $0.action == .addColumn }) {
                let columns = alter.commands.compactMap { $0.definition?.columnDef?.name }
                guard columns.count == alter.commands.count else { return nil }
                reverts.append("ALTER TABLE \(name(alter.relation.schema, alter.relation.name)) "
                               + columns.map { "DROP COLUMN \(identifier($0))" }.joined(separator: ", ") + ";")
            } else {
                return nil
            }
        }
        return reverts.isEmpty ? nil : reverts.reversed()
    }

    private static func name(_ schema: String?, _ name: String) -> String {
        (schema.map { identifier($0) + "." } ?? "") + identifier(name)
    }

    /// As written when it needs no quotes, so the SQL reads like the file's.
    private static func identifier(_ name: String) -> String {
        let simple = name.first.map { $0 == "_" || ("a"..."z").contains($0) } == true
            && name.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        return simple ? name : Connection.quoteIdentifier(name)
    }
}
