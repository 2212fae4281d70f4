import SQLSource

extension CatalogBuilder {
    mutating func createSchema(_ create: CreateSchema) {
        guard let name = create.name ?? create.authorizationRole else { return }
        if catalog.schemas.contains(name), !create.ifNotExists, name != "public" { warn("schema \(name) already exists") }
        catalog.schemas.insert(name)
        // `CREATE SCHEMA s CREATE TABLE t ...` creates its elements in s.
        let saved = searchPath
        searchPath = [name]
        for element in create.elements { _ = apply(element) }
        searchPath = saved
    }

    mutating func createIndex(_ create: CreateIndex) {
        guard let table = existingTable(create.relation) else {
            let other = anyRelation(create.relation)
            if catalog.otherRelations[other] == nil { warn("CREATE INDEX on unknown table \(create.relation.qualifiedName)") }
            return
        }
        let columns = create.elements.map { element in element.column ?? "(\(element.expression?.sqlText ?? "?"))" }
        let indexName = create.name ?? "\(table.name)_\(columns.map { $0.hasPrefix("(") ? "expr" : $0 }.joined(separator: "_"))_idx"
        let name = QualifiedName(table.schema, indexName)
        if catalog.indexes[name] != nil {
            if !create.ifNotExists { warn("index \(name) already exists") }
            return
        }
        var index = Index(name: name, table: table, columns: columns)
        index.isUnique = create.isUnique || create.isPrimary
        index.predicate = create.whereClause?.sqlText
        let read = create.elements.compactMap(\.expression).flatMap(\.referencedColumns) + (create.whereClause?.referencedColumns ?? [])
        index.expressionColumns = read.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        index.method = create.accessMethod ?? "btree"
        catalog.indexes[name] = index
        // Without ONLY, an index on a partitioned table is made on every partition too.
        if create.relation.inherited, catalog.tables[table]?.kind == .partitioned {
            for partition in catalog.partitions(of: table) { inheritParentIndexes(table, into: partition.name) }
        }
    }

    mutating func createEnum(_ create: CreateEnum) {
        let name = typeName(create.names)
        if catalog.enums[name] != nil { warn("type \(name) already exists") }
        catalog.enums[name] = EnumType(name: name, labels: create.labels)
    }

    mutating func alterEnum(_ alter: AlterEnum) {
        guard let name = existingType(alter.names, in: \.enums), var type = catalog.enums[name] else {
            warn("ALTER TYPE on unknown enum \(alter.names.joined(separator: "."))")
            return
        }
        if let old = alter.oldLabel {
            guard let i = type.labels.firstIndex(of: old) else { warn("enum \(name) has no label '\(old)'"); return }
            type.labels[i] = alter.newLabel
        } else if type.labels.contains(alter.newLabel) {
            if !alter.ifNotExists { warn("enum \(name) already has label '\(alter.newLabel)'") }
        } else if let neighbor = alter.neighbor, let i = type.labels.firstIndex(of: neighbor) {
            type.labels.insert(alter.newLabel, at: alter.isAfterNeighbor ? i + 1 : i)
        } else {
            type.labels.append(alter.newLabel)
        }
        catalog.enums[name] = type
    }

    /// The name a CREATE TYPE/DOMAIN/FUNCTION gives its object.
    mutating func typeName(_ parts: [String]) -> QualifiedName {
        creationName(schema: parts.count > 1 ? parts[parts.count - 2] : nil, name: parts.last ?? "?")
    }

    func existingType<T>(_ parts: [String], in map: KeyPath<Catalog, [QualifiedName: T]>) -> QualifiedName? {
        resolve(schema: parts.count > 1 ? parts[parts.count - 2] : nil, name: parts.last ?? "") { catalog[keyPath: map][$0] != nil }
    }

    mutating func addOtherRelation(_ relation: RangeVar, _ kind: OtherRelationKind) {
        let name = creationName(schema: relation.schema, name: relation.name)
        catalog.otherRelations[name] = kind
    }

    mutating func createSequence(_ create: CreateSequence) {
        let name = creationName(schema: create.relation.schema, name: create.relation.name)
        if catalog.sequences[name] != nil {
            if !create.ifNotExists { warn("sequence \(name) already exists") }
            return
        }
        var sequence = Sequence(name: name)
        applySequenceOptions(create.options, to: &sequence)
        catalog.sequences[name] = sequence
    }

    mutating func alterSequence(_ alter: AlterSequence) {
        guard let name = resolve(schema: alter.relation.schema, name: alter.relation.name, exists: { catalog.sequences[$0] != nil }),
              var sequence = catalog.sequences[name] else {
            if !alter.missingOK { warn("ALTER SEQUENCE on unknown sequence \(alter.relation.qualifiedName)") }
            return
        }
        applySequenceOptions(alter.options, to: &sequence)
        catalog.sequences[name] = sequence
    }

    func applySequenceOptions(_ options: [DefElem], to sequence: inout Sequence) {
        for option in options {
            switch option.name {
            case "as":
                if case let type?? = option.argument.map({ $0.typeName }) { sequence.dataType = resolveType(type).normalized }
            case "owned_by":
                let parts = option.argumentNames
                if parts.count >= 2, parts != ["none"] {
                    let column = parts[parts.count - 1]
                    let tableParts = Array(parts.dropLast())
                    let table = resolve(schema: tableParts.count > 1 ? tableParts[0] : nil, name: tableParts.last!) { catalog.tables[$0] != nil }
                    sequence.ownedBy = table.map { ColumnReference(table: $0, column: column) }
                } else {
                    sequence.ownedBy = nil
                }
            default: break
            }
        }
    }

    mutating func createTrigger(_ create: CreateTrigger) {
        guard let table = existingTable(create.relation) else {
            warn("CREATE TRIGGER on unknown table \(create.relation.qualifiedName)")
            return
        }
        var trigger = Trigger(name: create.name)
        let parts = create.functionName
        trigger.function = resolve(schema: parts.count > 1 ? parts[parts.count - 2] : nil, name: parts.last ?? "") { catalog.functions[$0] != nil }
            ?? QualifiedName(parts.count > 1 ? parts[parts.count - 2] : (effectiveSearchPath.first ?? "public"), parts.last ?? "?")
        trigger.isForEachRow = create.isForEachRow
        trigger.isConstraintTrigger = create.isConstraintTrigger
        if let i = catalog.tables[table]!.triggers.firstIndex(where: { $0.name == create.name }) {
            if !create.replacesExisting { warn("trigger \(create.name) on \(table) already exists") }
            catalog.tables[table]!.triggers[i] = trigger
        } else {
            catalog.tables[table]!.triggers.append(trigger)
        }
    }

    mutating func createFunction(_ create: CreateFunction) {
        let name = typeName(create.name)
        var function = Function(name: name, argumentTypes: create.parameterTypes.map { resolveType($0).normalized })
        function.isProcedure = create.isProcedure
        function.returnType = create.returnType.map { resolveType($0).normalized }
        for option in create.options {
            switch option.name {
            case "volatility": function.volatility = Volatility(rawValue: option.argumentText ?? "") ?? .volatile
            case "language": function.language = option.argumentText
            default: break
            }
        }
        var overloads = catalog.functions[name] ?? []
        overloads.removeAll { $0.argumentTypes == function.argumentTypes }
        overloads.append(function)
        catalog.functions[name] = overloads
    }

    mutating func createDomain(_ create: CreateDomain) {
        let name = typeName(create.names)
        var domain = Domain(name: name, baseType: create.baseType.map { resolveType($0).normalized } ?? "?")
        for constraint in create.constraints {
            switch constraint.kind {
            case .notNull: domain.isNotNull = true
            case .defaultValue: domain.defaultValue = constraint.expression.map(columnDefault)
            case .check: domain.checks[constraint.name ?? "\(name.name)_check"] = constraint.expression?.sqlText ?? ""
            default: break
            }
        }
        catalog.domains[name] = domain
    }

    mutating func alterDomain(_ alter: AlterDomain) -> Bool {
        guard let name = existingType(alter.names, in: \.domains), var domain = catalog.domains[name] else {
            warn("ALTER DOMAIN on unknown domain \(alter.names.joined(separator: "."))")
            return true
        }
        switch alter.action {
        case .setNotNull?: domain.isNotNull = true
        case .dropNotNull?: domain.isNotNull = false
        case .setDefault?: domain.defaultValue = alter.definition.map(columnDefault)
        case .addConstraint?:
            if let c = alter.definition?.constraint { domain.checks[c.name ?? "\(name.name)_check"] = c.expression?.sqlText ?? "" }
        case .dropConstraint?: domain.checks[alter.constraintName ?? ""] = nil
        default: break
        }
        catalog.domains[name] = domain
        return true
    }
}
