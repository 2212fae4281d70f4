/// Renames and moves rewrite every reference the model holds, so that a
/// renamed table keeps its indexes, partitions, foreign keys, sequences and
/// publication entries, as it does in PostgreSQL (which refers by OID).
extension CatalogBuilder {
    mutating func moveTable(_ old: QualifiedName, to new: QualifiedName) {
        guard old != new, var table = catalog.tables.removeValue(forKey: old) else { return }
        if catalog.tables[new] != nil { warn("table \(new) already exists") }
        table.name = new
        catalog.tables[new] = table
        for name in Array(catalog.tables.keys) {
            var other = catalog.tables[name]!
            var changed = false
            if other.parent == old { other.parent = new; changed = true }
            for i in other.constraints.indices where other.constraints[i].referencedTable == old {
                other.constraints[i].referencedTable = new
                changed = true
            }
            if changed { catalog.tables[name] = other }
        }
        for index in catalog.indexes.values where index.table == old {
            var moved = index
            moved.table = new
            catalog.indexes[index.name] = nil
            // SET SCHEMA takes the table's indexes along.
            moved.name.schema = new.schema
            catalog.indexes[moved.name] = moved
        }
        for sequence in catalog.sequences.values where sequence.ownedBy?.table == old {
            var moved = sequence
            moved.ownedBy?.table = new
            catalog.sequences[sequence.name] = nil
            moved.name.schema = new.schema
            catalog.sequences[moved.name] = moved
        }
        for name in Array(catalog.publications.keys) {
            for i in catalog.publications[name]!.tables.indices where catalog.publications[name]!.tables[i].table == old {
                catalog.publications[name]!.tables[i].table = new
            }
        }
    }

    mutating func renameIndex(_ index: Index, to new: QualifiedName) {
        var renamed = index
        renamed.name = new
        catalog.indexes[new] = renamed
        if case .index(let used)? = catalog.tables[index.table]?.replicaIdentity, used == index.name.name {
            catalog.tables[index.table]?.replicaIdentity = .index(new.name)
        }
        if let constraint = index.constraintName, constraint != new.name,
           let i = catalog.tables[index.table]?.constraints.firstIndex(where: { $0.name == constraint }) {
            // ALTER INDEX ... RENAME renames the constraint it backs as well.
            catalog.tables[index.table]!.constraints[i].name = new.name
            catalog.indexes[new]!.constraintName = new.name
        }
    }

    mutating func renameColumn(_ old: String, to new: String, of table: QualifiedName) {
        guard catalog.tables[table]?.column(named: old) != nil else {
            warn("column \(old) of \(table) does not exist")
            return
        }
        // Partitions share their parent's columns, at every level.
        for name in [table] + catalog.descendants(of: table) where catalog.tables[name]?.column(named: old) != nil {
            renameOneColumn(old, to: new, of: name)
        }
    }

    private mutating func renameOneColumn(_ old: String, to new: String, of table: QualifiedName) {
        _ = catalog.tables[table]?.updateColumn(old) { $0.name = new }
        func rename(_ list: inout [String]) { list = list.map { $0 == old ? new : $0 } }
        for i in catalog.tables[table]!.constraints.indices { rename(&catalog.tables[table]!.constraints[i].columns) }
        for index in catalog.indexes.values where index.table == table {
            rename(&catalog.indexes[index.name]!.columns)
            rename(&catalog.indexes[index.name]!.expressionColumns)
        }
        for other in Array(catalog.tables.keys) {
            for i in catalog.tables[other]!.constraints.indices where catalog.tables[other]!.constraints[i].referencedTable == table {
                rename(&catalog.tables[other]!.constraints[i].referencedColumns)
            }
        }
        for sequence in catalog.sequences.values where sequence.ownedBy == ColumnReference(table: table, column: old) {
            catalog.sequences[sequence.name]!.ownedBy?.column = new
        }
        for name in Array(catalog.publications.keys) {
            for i in catalog.publications[name]!.tables.indices where catalog.publications[name]!.tables[i].table == table {
                if catalog.publications[name]!.tables[i].columns != nil { rename(&catalog.publications[name]!.tables[i].columns!) }
                rename(&catalog.publications[name]!.tables[i].rowFilterColumns)
            }
        }
    }

    mutating func renameSchema(_ old: String, to new: String) {
        catalog.schemas.remove(old)
        catalog.schemas.insert(new)
        for table in catalog.tables.keys where table.schema == old { moveTable(table, to: QualifiedName(new, table.name)) }
        func move<T>(_ map: inout [QualifiedName: T], _ rename: (inout T, QualifiedName) -> Void) {
            for key in Array(map.keys) where key.schema == old {
                var value = map.removeValue(forKey: key)!
                let target = QualifiedName(new, key.name)
                rename(&value, target)
                map[target] = value
            }
        }
        move(&catalog.indexes) { $0.name = $1 }
        move(&catalog.sequences) { $0.name = $1 }
        move(&catalog.enums) { $0.name = $1 }
        move(&catalog.domains) { $0.name = $1 }
        move(&catalog.functions) { overloads, target in overloads = overloads.map { var f = $0; f.name = target; return f } }
        move(&catalog.otherRelations) { _, _ in }
        for name in Array(catalog.publications.keys) {
            catalog.publications[name]!.schemas = catalog.publications[name]!.schemas.map { $0 == old ? new : $0 }
        }
    }
}
