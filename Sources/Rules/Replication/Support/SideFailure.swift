import Lint
import Schema
import SQLSource

/// Why a statement fails on one side's schema, in PostgreSQL's own words:
/// a table, column, constraint or index it names is missing there, or one
/// it creates is already there. Only what the name lookups decide; the
/// model knows no rows, so it never guesses at data.
struct SideFailure: Equatable {
    /// What is missing or in the way, for the message (`column \`tags\` of \`hbi.hosts\``).
    let object: String
    /// `missing` or `present`: what the side has that the statement does not expect.
    let isMissing: Bool
    /// PostgreSQL's error.
    let error: String

    /// The first failure of `node` on `catalog` (PostgreSQL stops at the first).
    static func first(_ node: Node, on catalog: Catalog, searchPath: [String]) -> SideFailure? {
        Probe(catalog: catalog, searchPath: searchPath).first(node)
    }
}

/// Looks names up on one side's catalogue as PostgreSQL would.
private struct Probe {
    let catalog: Catalog
    let searchPath: [String]

    func table(_ relation: RangeVar) -> Table? {
        catalog.resolveTable(schema: relation.schema, name: relation.name, searchPath: searchPath).flatMap { catalog.table($0) }
    }

    func missingRelation(_ relation: RangeVar) -> SideFailure {
        SideFailure(object: "table `\(relation.qualifiedName)`", isMissing: true, error: "relation \"\(relation.qualifiedName)\" does not exist")
    }

    func missingColumn(_ column: String, _ table: Table, ofRelation: Bool = true) -> SideFailure {
        let error = ofRelation ? "column \"\(column)\" of relation \"\(table.name.name)\" does not exist" : "column \"\(column)\" does not exist"
        return SideFailure(object: "column `\(column)` of `\(table.name)`", isMissing: true, error: error)
    }

    func first(_ node: Node) -> SideFailure? {
        if let alter = node.alterTable, alter.altersTable { return self.alter(alter) }
        if let create = node.createTable, !create.ifNotExists, !create.isTemporary {
            let name = catalog.creationName(schema: create.relation.schema, name: create.relation.name, searchPath: searchPath)
            if catalog.table(name) != nil {
                return SideFailure(object: "table `\(name)`", isMissing: false, error: "relation \"\(name.name)\" already exists")
            }
        }
        if let index = node.createIndex { return createIndex(index) }
        if let drop = node.drop, !drop.missingOK { return self.drop(drop) }
        if let rename = node.rename, !rename.missingOK, let relation = rename.relation, rename.relationKind == .table || rename.objectKind == .table {
            guard let table = table(relation) else { return missingRelation(relation) }
            if rename.objectKind == .column, let old = rename.oldName, table.column(named: old) == nil {
                return missingColumn(old, table, ofRelation: false)
            }
            return nil
        }
        if let insert = node.insert {
            guard let table = table(insert.relation) else { return missingRelation(insert.relation) }
            return insert.columns.first { table.column(named: $0) == nil }.map { missingColumn($0, table) }
        }
        if let update = node.update {
            guard let table = table(update.relation) else { return missingRelation(update.relation) }
            return update.targets.compactMap(\.name).first { table.column(named: $0) == nil }.map { missingColumn($0, table) }
        }
        if let delete = node.delete, table(delete.relation) == nil { return missingRelation(delete.relation) }
        return nil
    }

    /// Each command sees the ones before it: `ADD COLUMN c, ALTER COLUMN c SET NOT NULL` is fine.
    func alter(_ alter: AlterTable) -> SideFailure? {
        guard let table = table(alter.relation) else { return alter.missingOK ? nil : missingRelation(alter.relation) }
        var columns = Set(table.columns.map(\.name))
        var constraints = Set(table.constraints.map(\.name))
        var hasPrimaryKey = table.primaryKey != nil
        for command in alter.commands {
            let column = command.columnName
            switch command.action {
            case .addColumn, .addColumnRecurse:
                if columns.contains(column) && !command.missingOK {
                    return SideFailure(object: "column `\(column)` of `\(table.name)`", isMissing: false,
                                       error: "column \"\(column)\" of relation \"\(table.name.name)\" already exists")
                }
                columns.insert(column)
            case .dropColumn, .dropColumnRecurse:
                if !columns.contains(column) && !command.missingOK { return missingColumn(column, table) }
                columns.remove(column)
            case .alterColumnType, .setNotNull, .dropNotNull, .columnDefault, .dropExpression, .addIdentity, .setIdentity, .dropIdentity:
                if !columns.contains(column) { return missingColumn(column, table) }
            case .dropConstraint, .dropConstraintRecurse:
                if !constraints.contains(column) && !command.missingOK {
                    return SideFailure(object: "constraint `\(column)` of `\(table.name)`", isMissing: true,
                                       error: "constraint \"\(column)\" of relation \"\(table.name.name)\" does not exist")
                }
                constraints.remove(column)
            case .addConstraint, .addConstraintRecurse, .addIndexConstraint:
                guard let constraint = command.definition?.constraint else { continue }
                if constraint.kind == .primaryKey {
                    if hasPrimaryKey {
                        return SideFailure(object: "primary key of `\(table.name)`", isMissing: false,
                                           error: "multiple primary keys for table \"\(table.name.name)\" are not allowed")
                    }
                    hasPrimaryKey = true
                }
                if let missing = constraint.keys.first(where: { !columns.contains($0) }) {
                    return SideFailure(object: "column `\(missing)` of `\(table.name)`", isMissing: true,
                                       error: "column \"\(missing)\" named in key does not exist")
                }
                if let name = constraint.name { constraints.insert(name) }
            default:
                continue
            }
        }
        return nil
    }

    func createIndex(_ index: CreateIndex) -> SideFailure? {
        guard let table = table(index.relation) else {
            return catalog.resolveRelation(schema: index.relation.schema, name: index.relation.name, searchPath: searchPath) == nil
                ? missingRelation(index.relation) : nil
        }
        if let missing = index.elements.compactMap(\.column).first(where: { table.column(named: $0) == nil }) {
            return missingColumn(missing, table, ofRelation: false)
        }
        if let name = index.name, !index.ifNotExists, catalog.indexes[QualifiedName(table.name.schema, name)] != nil {
            return SideFailure(object: "index `\(table.name.schema).\(name)`", isMissing: false, error: "relation \"\(name)\" already exists")
        }
        return nil
    }

    func drop(_ drop: Drop) -> SideFailure? {
        for parts in drop.objects {
            guard let name = parts.last else { continue }
            let schema = parts.count > 1 ? parts[parts.count - 2] : nil
            let written = parts.joined(separator: ".")
            switch drop.objectKind {
            // PostgreSQL names the object without its schema here (`table "orders" does not exist`).
            case .table where catalog.resolveTable(schema: schema, name: name, searchPath: searchPath) == nil:
                return SideFailure(object: "table `\(written)`", isMissing: true, error: "table \"\(name)\" does not exist")
            case .index where catalog.resolveIndex(schema: schema, name: name, searchPath: searchPath) == nil:
                return SideFailure(object: "index `\(written)`", isMissing: true, error: "index \"\(name)\" does not exist")
            default:
                continue
            }
        }
        return nil
    }
}
