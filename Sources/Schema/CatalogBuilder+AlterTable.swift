import SQLSource

extension CatalogBuilder {
    mutating func alterTable(_ alter: AlterTable) {
        switch alter.objectKind {
        case .index:
            // ALTER INDEX parent ATTACH PARTITION child: nothing the model keeps.
            return
        case .sequence, .view, .materializedView, .foreignTable:
            return
        default: break
        }
        guard let name = existingTable(alter.relation) else {
            let other = anyRelation(alter.relation)
            if !alter.missingOK && catalog.otherRelations[other] == nil && catalog.sequences[other] == nil {
                warn("ALTER TABLE on unknown table \(alter.relation.qualifiedName)")
            }
            return
        }
        for command in alter.commands { apply(command, to: name, recurse: alter.relation.inherited) }
    }

    mutating func apply(_ command: AlterTableCommand, to name: QualifiedName, recurse: Bool) {
        let columnName = command.name ?? ""
        func updateColumn(_ change: (inout Column) -> Void) {
            guard catalog.tables[name]?.column(named: columnName) != nil else {
                if !command.missingOK { warn("column \(columnName) of \(name) does not exist") }
                return
            }
            _ = catalog.tables[name]?.updateColumn(columnName, change)
            if recurse {
                for partition in catalog.partitions(of: name) { _ = catalog.tables[partition.name]?.updateColumn(columnName, change) }
            }
        }
        switch command.action {
        case .addColumn, .addColumnRecurse:
            guard let def = command.definition?.columnDef else { return }
            if catalog.tables[name]?.column(named: def.name) != nil, command.missingOK { return }
            addColumn(def, to: name)
        case .dropColumn, .dropColumnRecurse:
            dropColumn(columnName, of: name, missingOK: command.missingOK, cascade: command.behavior == .cascade)
        case .columnDefault:
            if let expression = command.definition {
                updateColumn { setDefault(&$0, expression) }
            } else {
                updateColumn { $0.defaultValue = nil }
            }
        case .setNotNull: updateColumn { $0.isNotNull = true }
        case .dropNotNull: updateColumn { $0.isNotNull = false }
        case .dropExpression: updateColumn { $0.generatedExpression = nil }
        case .alterColumnType:
            guard let type = command.definition?.columnDef?.typeName.map(resolveType) else { return }
            updateColumn {
                $0.declaredType = type.declared
                $0.typeName = type.normalized
            }
        case .addIdentity:
            guard let constraint = command.definition?.constraint else { return }
            let type = catalog.tables[name]?.column(named: columnName)?.typeName ?? "int4"
            updateColumn {
                $0.identity = constraint.generatedWhen == .always ? .always : .byDefault
                $0.isNotNull = true
            }
            createIdentitySequence(constraint, table: name, column: columnName, type: type)
        case .setIdentity:
            // The option carries the char code of ATTRIBUTE_IDENTITY_ALWAYS (`a`, 97).
            for option in command.definition?.list?.compactMap(\.defElem) ?? [] where option.name == "generated" {
                updateColumn { $0.identity = option.argumentText == "97" ? .always : .byDefault }
            }
        case .dropIdentity:
            updateColumn { $0.identity = nil }
            if let sequence = catalog.sequence(ownedBy: name, column: columnName) { catalog.sequences[sequence.name] = nil }
        case .addConstraint, .addConstraintRecurse:
            guard let constraint = command.definition?.constraint else { return }
            addConstraint(constraint, to: name)
            if recurse, catalog.tables[name]?.kind == .partitioned {
                for partition in catalog.partitions(of: name) {
                    if [.primaryKey, .unique].contains(constraint.kind) { inheritParentIndexes(name, into: partition.name) }
                    if [.check, .foreignKey].contains(constraint.kind) { inheritParentConstraints(name, into: partition.name, checks: true) }
                }
            }
        case .addIndexConstraint, .addIndex:
            if let constraint = command.definition?.constraint { addConstraint(constraint, to: name) }
        case .validateConstraint, .validateConstraintRecurse:
            updateConstraint(columnName, of: name) { $0.isValidated = true }
        case .dropConstraint, .dropConstraintRecurse:
            dropConstraint(columnName, of: name, missingOK: command.missingOK)
            // The clones PostgreSQL made on partitions go with the parent's constraint.
            let partitions = catalog.tables[name]?.kind == .partitioned ? catalog.partitions(of: name) : []
            for partition in partitions where partition.constraints.contains(where: { $0.name == columnName }) {
                dropConstraint(columnName, of: partition.name, missingOK: true)
            }
        case .replicaIdentity:
            guard let identity = command.replicaIdentity else { return }
            switch identity.kind {
            case .full: catalog.tables[name]?.replicaIdentity = .full
            case .nothing: catalog.tables[name]?.replicaIdentity = .nothing
            case .index:
                let index = identity.index ?? ""
                if catalog.indexes[QualifiedName(name.schema, index)] == nil { warn("replica identity index \(index) of \(name) does not exist") }
                catalog.tables[name]?.replicaIdentity = .index(index)
            default: catalog.tables[name]?.replicaIdentity = .default
            }
        case .attachPartition:
            guard let partitionVar = command.partition else { return }
            guard let partition = existingTable(partitionVar) else {
                warn("ATTACH PARTITION of unknown table \(partitionVar.qualifiedName)")
                return
            }
            catalog.tables[partition]?.parent = name
            let bound = command.partitionBound.map(describe)
            catalog.tables[partition]?.partitionBound = bound
            inheritParentIndexes(name, into: partition)
            inheritParentConstraints(name, into: partition, checks: false)
        case .detachPartition, .detachPartitionFinalize:
            guard let partitionVar = command.partition, let partition = existingTable(partitionVar) else {
                warn("DETACH PARTITION of unknown table \(command.partition?.qualifiedName ?? "?")")
                return
            }
            catalog.tables[partition]?.parent = nil
            catalog.tables[partition]?.partitionBound = nil
        case .enableTrigger: setTrigger(command.name, of: name, to: .enabled)
        case .enableAlwaysTrigger: setTrigger(command.name, of: name, to: .always)
        case .enableReplicaTrigger: setTrigger(command.name, of: name, to: .replica)
        case .disableTrigger: setTrigger(command.name, of: name, to: .disabled)
        case .enableAllTriggers, .enableUserTriggers: setTrigger(nil, of: name, to: .enabled)
        case .disableAllTriggers, .disableUserTriggers: setTrigger(nil, of: name, to: .disabled)
        case .enableRowSecurity: catalog.tables[name]?.rowLevelSecurity = true
        case .disableRowSecurity: catalog.tables[name]?.rowLevelSecurity = false
        case .setLogged: catalog.tables[name]?.isUnlogged = false
        case .setUnlogged: catalog.tables[name]?.isUnlogged = true
        case .setAccessMethod: catalog.tables[name]?.accessMethod = command.name
        default: break
        }
    }

    mutating func setTrigger(_ trigger: String?, of table: QualifiedName, to state: Trigger.State) {
        guard var t = catalog.tables[table] else { return }
        var found = false
        for i in t.triggers.indices where trigger == nil || t.triggers[i].name == trigger {
            t.triggers[i].state = state
            found = true
        }
        if let trigger, !found { warn("trigger \(trigger) on \(table) does not exist") }
        catalog.tables[table] = t
    }

    mutating func updateConstraint(_ constraint: String, of table: QualifiedName, _ change: (inout TableConstraint) -> Void) {
        guard let i = catalog.tables[table]?.constraints.firstIndex(where: { $0.name == constraint }) else {
            warn("constraint \(constraint) of \(table) does not exist")
            return
        }
        change(&catalog.tables[table]!.constraints[i])
    }

    mutating func dropConstraint(_ constraint: String, of table: QualifiedName, missingOK: Bool) {
        guard let i = catalog.tables[table]?.constraints.firstIndex(where: { $0.name == constraint }) else {
            if !missingOK { warn("constraint \(constraint) of \(table) does not exist") }
            return
        }
        catalog.tables[table]!.constraints.remove(at: i)
        let indexName = QualifiedName(table.schema, constraint)
        if catalog.indexes[indexName]?.constraintName == constraint { dropIndex(indexName) }
    }

    mutating func dropColumn(_ column: String, of table: QualifiedName, missingOK: Bool, cascade: Bool) {
        guard catalog.tables[table]?.column(named: column) != nil else {
            if !missingOK { warn("column \(column) of \(table) does not exist") }
            return
        }
        // Partitions share their parent's columns, at every level.
        for name in [table] + catalog.descendants(of: table) where catalog.tables[name]?.column(named: column) != nil {
            dropOneColumn(column, of: name, cascade: cascade)
        }
    }

    private mutating func dropOneColumn(_ column: String, of table: QualifiedName, cascade: Bool) {
        catalog.tables[table]!.columns.removeAll { $0.name == column }
        // Indexes and constraints on the column go with it, as in PostgreSQL.
        catalog.tables[table]!.constraints.removeAll { $0.columns.contains(column) }
        for other in Array(catalog.tables.keys) where catalog.tables[other]!.constraints.contains(where: { $0.referencedTable == table && $0.referencedColumns.contains(column) }) {
            if !cascade { warn("a foreign key of \(other) references \(table).\(column); dropping it needs CASCADE") }
            catalog.tables[other]!.constraints.removeAll { $0.referencedTable == table && $0.referencedColumns.contains(column) }
        }
        for index in catalog.indexes(on: table) where index.dependsOn.contains(column) { dropIndex(index.name) }
        if let sequence = catalog.sequence(ownedBy: table, column: column) { catalog.sequences[sequence.name] = nil }
        for name in Array(catalog.publications.keys) {
            guard let i = catalog.publications[name]!.tables.firstIndex(where: { $0.table == table }) else { continue }
            let entry = catalog.publications[name]!.tables[i]
            guard entry.columns?.contains(column) == true || entry.rowFilterColumns.contains(column) else { continue }
            if !cascade { warn("column \(column) of \(table) is used by publication \(name); dropping it needs CASCADE") }
            catalog.publications[name]!.tables.remove(at: i)
        }
    }

    mutating func dropIndex(_ name: QualifiedName) {
        guard let index = catalog.indexes.removeValue(forKey: name) else { return }
        if case .index(let used)? = catalog.tables[index.table]?.replicaIdentity, used == name.name {
            // PostgreSQL falls back to NOTHING when the identity index goes.
            catalog.tables[index.table]?.replicaIdentity = .nothing
        }
    }
}
