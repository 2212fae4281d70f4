import SQLSource

extension CatalogBuilder {
    mutating func createTable(_ create: CreateTable) {
        let name = create.isTemporary ? temporaryName(create.relation.name) : creationName(schema: create.relation.schema, name: create.relation.name)
        if catalog.tables[name] != nil {
            if !create.ifNotExists { warn("table \(name) already exists") }
            return
        }
        var table = Table(name: name)
        table.isUnlogged = create.isUnlogged
        table.accessMethod = create.accessMethod
        if create.isPartitioned {
            table.kind = .partitioned
            table.partitionStrategy = create.partitionStrategy?.rawValue
        }
        if create.isPartition, let parentVar = create.inherits.first {
            if let parent = existingTable(parentVar) {
                table.parent = parent
                table.partitionBound = create.partitionBound.map(describe)
                // A partition has its parent's columns, and its NOT NULLs, defaults come with them.
                table.columns = catalog.tables[parent]?.columns ?? []
                for i in table.columns.indices { table.columns[i].identity = nil }
            } else {
                warn("partition \(name) of unknown table \(parentVar.qualifiedName)")
            }
        }
        if !create.isPartition {
            // Plain inheritance (INHERITS): the parents' columns come first.
            for parentVar in create.inherits {
                guard let parent = existingTable(parentVar).flatMap({ catalog.tables[$0] }) else { continue }
                for column in parent.columns where table.column(named: column.name) == nil { table.columns.append(column) }
            }
        }
        catalog.tables[name] = table
        for column in create.columns { addColumn(column, to: name, partitionOverride: create.isPartition, reachPartitions: false) }
        for constraint in create.tableConstraints { addConstraint(constraint, to: name) }
        if let parent = catalog.tables[name]?.parent {
            inheritParentIndexes(parent, into: name)
            inheritParentConstraints(parent, into: name, checks: true)
        }
    }

    /// PostgreSQL clones a partitioned table's foreign keys onto each
    /// partition, and gives a partition made with PARTITION OF its CHECK
    /// constraints too (ATTACH requires the table to have them already).
    mutating func inheritParentConstraints(_ parent: QualifiedName, into partition: QualifiedName, checks: Bool) {
        guard let inherited = catalog.tables[parent]?.constraints.filter({ $0.kind == .foreignKey || (checks && $0.kind == .check) }),
              var table = catalog.tables[partition] else { return }
        for constraint in inherited where !table.constraints.contains(where: { $0.name == constraint.name }) {
            table.constraints.append(constraint)
        }
        catalog.tables[partition] = table
    }

    /// `FOR VALUES ...` as PostgreSQL prints it.
    func describe(_ bound: PartitionBound) -> String {
        if bound.isDefault { return "DEFAULT" }
        func list(_ nodes: [Node]) -> String { nodes.map { $0.sqlText ?? "?" }.joined(separator: ", ") }
        if !bound.listValues.isEmpty { return "FOR VALUES IN (\(list(bound.listValues)))" }
        if !bound.lowerValues.isEmpty { return "FOR VALUES FROM (\(list(bound.lowerValues))) TO (\(list(bound.upperValues)))" }
        return "FOR VALUES WITH (modulus \(bound.modulus), remainder \(bound.remainder))"
    }

    /// Adds or (for a partition's own column clause) refines a column.
    /// `reachPartitions` is false for CREATE TABLE, whose table has no partitions yet.
    mutating func addColumn(_ def: ColumnDef, to tableName: QualifiedName, partitionOverride: Bool = false, reachPartitions: Bool = true) {
        guard var table = catalog.tables[tableName] else { return }
        var column: Column
        if let existing = table.column(named: def.name) {
            guard partitionOverride else { warn("column \(def.name) of \(tableName) already exists"); return }
            column = existing
        } else {
            let type = def.typeName.map(resolveType) ?? TypeNames.Resolved(declared: "?", normalized: "?")
            column = Column(name: def.name, declaredType: type.declared, typeName: type.normalized)
            if type.isSerial {
                // serial = integer NOT NULL DEFAULT nextval('<table>_<column>_seq') with an owned sequence.
                let sequenceName = QualifiedName(tableName.schema, "\(tableName.name)_\(def.name)_seq")
                var sequence = Sequence(name: sequenceName)
                sequence.dataType = type.normalized
                sequence.ownedBy = ColumnReference(table: tableName, column: def.name)
                catalog.sequences[sequenceName] = sequence
                column.isNotNull = true
                column.defaultValue = ColumnDefault(expression: "nextval('\(sequenceName)'::regclass)", volatility: .volatile)
            }
        }
        for constraint in def.constraints {
            switch constraint.kind {
            case .notNull, .primaryKey: column.isNotNull = true
            case .null: column.isNotNull = false
            case .defaultValue:
                if let e = constraint.expression { setDefault(&column, e) }
            case .identity:
                column.identity = constraint.generatedWhen == .always ? .always : .byDefault
                column.isNotNull = true
                createIdentitySequence(constraint, table: tableName, column: def.name, type: column.typeName)
            case .generated:
                column.generatedExpression = constraint.expression?.sqlText
            default: break
            }
        }
        if def.isNotNull { column.isNotNull = true }
        if let i = table.columns.firstIndex(where: { $0.name == column.name }) {
            table.columns[i] = column
        } else {
            table.columns.append(column)
        }
        catalog.tables[tableName] = table
        for constraint in def.constraints where [.primaryKey, .unique, .check, .foreignKey].contains(constraint.kind) {
            addConstraint(constraint, to: tableName, column: def.name)
        }
        // A column added to a partitioned table reaches every partition.
        let partitions = reachPartitions && table.kind == .partitioned ? catalog.partitions(of: tableName) : []
        for partition in partitions where partition.column(named: column.name) == nil {
            var inherited = column
            inherited.identity = nil
            catalog.tables[partition.name]?.columns.append(inherited)
        }
    }

    /// PostgreSQL stores no default for `DEFAULT NULL`.
    func setDefault(_ column: inout Column, _ expression: Node) {
        let value = columnDefault(expression)
        column.defaultValue = value.isNullConstant ? nil : value
    }

    mutating func createIdentitySequence(_ constraint: Constraint, table: QualifiedName, column: String, type: String) {
        let given = constraint.options.first { $0.name == "sequence_name" }?.argumentNames ?? []
        let name = given.isEmpty
            ? QualifiedName(table.schema, "\(table.name)_\(column)_seq")
            : given.count > 1 ? QualifiedName(given[given.count - 2], given[given.count - 1]) : QualifiedName(table.schema, given[0])
        var sequence = Sequence(name: name)
        sequence.dataType = type
        sequence.ownedBy = ColumnReference(table: table, column: column)
        catalog.sequences[name] = sequence
    }

    /// Adds a table constraint; a column constraint passes its column.
    mutating func addConstraint(_ constraint: Constraint, to tableName: QualifiedName, column: String? = nil) {
        guard catalog.tables[tableName] != nil else { return }
        let kind: TableConstraint.Kind
        switch constraint.kind {
        case .primaryKey: kind = .primaryKey
        case .unique: kind = .unique
        case .check: kind = .check
        case .foreignKey: kind = .foreignKey
        case .exclusion: kind = .exclusion
        case .notNull:
            // Not a constraint of its own in PostgreSQL 15: it marks the columns.
            for key in constraint.keys { _ = catalog.tables[tableName]?.updateColumn(key) { $0.isNotNull = true } }
            return
        default: return
        }
        var columns = constraint.keys
        if kind == .foreignKey { columns = constraint.foreignKeyColumns }
        if columns.isEmpty, let column { columns = [column] }
        if kind == .primaryKey || kind == .unique, let indexName = constraint.indexName,
           let index = catalog.indexes[QualifiedName(tableName.schema, indexName)] {
            columns = index.columns  // ADD PRIMARY KEY USING INDEX
            catalog.indexes[index.name] = nil
        }
        var added = TableConstraint(name: constraint.name ?? defaultConstraintName(tableName, kind, columns), kind: kind)
        added.columns = columns
        added.isValidated = !constraint.skipsValidation
        if kind == .check {
            added.expression = constraint.expression?.sqlText
            // As pg_constraint.conkey: the columns the expression reads.
            if let read = constraint.expression?.referencedColumns, !read.isEmpty { added.columns = read }
        }
        if kind == .foreignKey, let referenced = constraint.referencedTable {
            added.referencedTable = existingTable(referenced) ?? anyRelation(referenced)
            added.referencedColumns = constraint.referencedColumns
            if added.referencedColumns.isEmpty, let target = added.referencedTable {
                added.referencedColumns = catalog.primaryKey(of: target) ?? []
            }
            added.onDelete = constraint.onDelete?.rawValue
        }
        if catalog.tables[tableName]!.constraints.contains(where: { $0.name == added.name }) {
            warn("constraint \(added.name) of \(tableName) already exists")
            return
        }
        catalog.tables[tableName]!.constraints.append(added)
        if kind == .primaryKey {
            for key in columns { _ = catalog.tables[tableName]?.updateColumn(key) { $0.isNotNull = true } }
        }
        if kind == .primaryKey || kind == .unique || kind == .exclusion {
            var index = Index(name: QualifiedName(tableName.schema, added.name), table: tableName, columns: columns)
            index.isUnique = kind != .exclusion
            index.constraintName = added.name
            catalog.indexes[index.name] = index
        }
    }

    /// PostgreSQL's names for unnamed constraints (`t_pkey`, `t_a_b_key`, `t_a_check`, `t_a_fkey`).
    func defaultConstraintName(_ table: QualifiedName, _ kind: TableConstraint.Kind, _ columns: [String]) -> String {
        let joined = ([table.name] + columns.prefix(kind == .check ? 1 : columns.count)).joined(separator: "_")
        switch kind {
        case .primaryKey: return "\(table.name)_pkey"
        case .unique: return "\(joined)_key"
        case .check: return "\(joined)_check"
        case .foreignKey: return "\(joined)_fkey"
        case .exclusion: return "\(joined)_excl"
        }
    }

    /// A new partition gets a copy of each index of its parent (PostgreSQL creates them).
    mutating func inheritParentIndexes(_ parent: QualifiedName, into partition: QualifiedName) {
        for index in catalog.indexes(on: parent) {
            let isPrimaryKey = catalog.tables[parent]?.primaryKey?.name == index.constraintName && index.constraintName != nil
            let suffix = isPrimaryKey ? "pkey" : index.columns.map { $0.hasPrefix("(") ? "expr" : $0 }.joined(separator: "_")
                + (index.constraintName != nil ? "_key" : "_idx")
            let name = QualifiedName(partition.schema, "\(partition.name)_\(suffix)")
            guard catalog.indexes[name] == nil else { continue }
            var copy = index
            copy.name = name
            copy.table = partition
            if index.constraintName != nil {
                copy.constraintName = name.name
                let parentConstraint = catalog.tables[parent]?.constraints.first { $0.name == index.constraintName }
                if var constraint = parentConstraint, catalog.tables[partition]?.constraints.contains(where: { $0.kind == constraint.kind && $0.columns == constraint.columns }) == false {
                    constraint.name = name.name
                    catalog.tables[partition]?.constraints.append(constraint)
                }
            }
            catalog.indexes[name] = copy
        }
    }
}
