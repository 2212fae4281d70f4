import SQLSource

extension CatalogBuilder {
    mutating func drop(_ drop: Drop) -> Bool {
        let cascade = drop.behavior == .cascade
        for parts in drop.objectNameParts where !parts.isEmpty {
            let schema = parts.count > 1 ? parts[parts.count - 2] : nil
            let last = parts[parts.count - 1]
            switch drop.objectKind {
            case .table, .foreignTable:
                guard let name = resolve(schema: schema, name: last, exists: { catalog.tables[$0] != nil }) else {
                    let other = resolve(schema: schema, name: last) { catalog.otherRelations[$0] != nil }
                    if let other { catalog.otherRelations[other] = nil } else if !drop.missingOK { warn("DROP TABLE of unknown table \(parts.joined(separator: "."))") }
                    continue
                }
                dropTable(name, cascade: cascade)
            case .view, .materializedView:
                if let name = resolve(schema: schema, name: last, exists: { catalog.otherRelations[$0] != nil }) {
                    catalog.otherRelations[name] = nil
                } else if !drop.missingOK { warn("DROP of unknown view \(parts.joined(separator: "."))") }
            case .index:
                if let name = resolve(schema: schema, name: last, exists: { catalog.indexes[$0] != nil }) {
                    dropIndex(name)
                } else if !drop.missingOK { warn("DROP INDEX of unknown index \(parts.joined(separator: "."))") }
            case .sequence:
                if let name = resolve(schema: schema, name: last, exists: { catalog.sequences[$0] != nil }) {
                    catalog.sequences[name] = nil
                } else if !drop.missingOK { warn("DROP SEQUENCE of unknown sequence \(parts.joined(separator: "."))") }
            case .type, .domain:
                if let name = resolve(schema: schema, name: last, exists: { catalog.enums[$0] != nil || catalog.domains[$0] != nil || catalog.otherRelations[$0] == .compositeType }) {
                    catalog.enums[name] = nil
                    catalog.domains[name] = nil
                    catalog.otherRelations[name] = nil
                } else if !drop.missingOK { warn("DROP TYPE of unknown type \(parts.joined(separator: "."))") }
            case .function, .procedure, .routine:
                if let name = resolve(schema: schema, name: last, exists: { catalog.functions[$0] != nil }) {
                    catalog.functions[name] = nil
                } else if !drop.missingOK { warn("DROP FUNCTION of unknown function \(parts.joined(separator: "."))") }
            case .trigger:
                // [schema.]table.trigger
                let tableParts = Array(parts.dropLast())
                guard let table = resolve(schema: tableParts.count > 1 ? tableParts[0] : nil, name: tableParts.last ?? "", exists: { catalog.tables[$0] != nil }),
                      catalog.tables[table]!.triggers.contains(where: { $0.name == last }) else {
                    if !drop.missingOK { warn("DROP TRIGGER of unknown trigger \(parts.joined(separator: "."))") }
                    continue
                }
                catalog.tables[table]!.triggers.removeAll { $0.name == last }
            case .schema:
                guard catalog.schemas.contains(last) else {
                    if !drop.missingOK { warn("DROP SCHEMA of unknown schema \(last)") }
                    continue
                }
                dropSchema(last, cascade: cascade)
            case .publication:
                if catalog.publications.removeValue(forKey: last) == nil, !drop.missingOK { warn("DROP PUBLICATION of unknown publication \(last)") }
            case .extension:
                catalog.extensions.remove(last)
            default:
                return false
            }
        }
        return true
    }

    mutating func dropTable(_ name: QualifiedName, cascade: Bool) {
        // Partitions go with their partitioned table, at every level, the deepest first.
        for table in catalog.descendants(of: name).reversed() + [name] { dropOneTable(table, cascade: cascade) }
    }

    private mutating func dropOneTable(_ name: QualifiedName, cascade: Bool) {
        for other in catalog.tables.values where other.name != name {
            let referencing = other.constraints.filter { $0.kind == .foreignKey && $0.referencedTable == name }
            guard !referencing.isEmpty else { continue }
            if !cascade { warn("\(other.name) has a foreign key to \(name); dropping it needs CASCADE") }
            catalog.tables[other.name]!.constraints.removeAll { $0.kind == .foreignKey && $0.referencedTable == name }
        }
        catalog.tables[name] = nil
        for index in catalog.indexes.values where index.table == name { catalog.indexes[index.name] = nil }
        for sequence in catalog.sequences.values where sequence.ownedBy?.table == name { catalog.sequences[sequence.name] = nil }
        // PostgreSQL removes a dropped table from every publication, CASCADE or not.
        for publication in Array(catalog.publications.keys) {
            catalog.publications[publication]!.tables.removeAll { $0.table == name }
        }
    }

    mutating func dropSchema(_ schema: String, cascade: Bool) {
        let tables = catalog.tables.keys.filter { $0.schema == schema }
        let owned = !tables.isEmpty || catalog.enums.keys.contains { $0.schema == schema } || catalog.functions.keys.contains { $0.schema == schema }
        if owned && !cascade { warn("schema \(schema) is not empty; dropping it needs CASCADE") }
        for table in tables { dropTable(table, cascade: true) }
        catalog.indexes = catalog.indexes.filter { $0.key.schema != schema }
        catalog.sequences = catalog.sequences.filter { $0.key.schema != schema }
        catalog.enums = catalog.enums.filter { $0.key.schema != schema }
        catalog.domains = catalog.domains.filter { $0.key.schema != schema }
        catalog.functions = catalog.functions.filter { $0.key.schema != schema }
        catalog.otherRelations = catalog.otherRelations.filter { $0.key.schema != schema }
        for publication in Array(catalog.publications.keys) { catalog.publications[publication]!.schemas.removeAll { $0 == schema } }
        catalog.schemas.remove(schema)
    }

    mutating func rename(_ rename: Rename) -> Bool {
        let newName = rename.newName
        switch rename.objectKind {
        case .table, .foreignTable, .view, .materializedView, .sequence, .index:
            guard let relation = rename.relation else { return false }
            let name = anyRelation(relation)
            let target = QualifiedName(name.schema, newName)
            if catalog.tables[name] != nil {
                moveTable(name, to: target)
            } else if let index = catalog.indexes.removeValue(forKey: name) {
                renameIndex(index, to: target)
            } else if var sequence = catalog.sequences.removeValue(forKey: name) {
                sequence.name = target
                catalog.sequences[target] = sequence
            } else if let kind = catalog.otherRelations.removeValue(forKey: name) {
                catalog.otherRelations[target] = kind
            } else {
                warn("RENAME of unknown relation \(relation.qualifiedName)")
            }
        case .column:
            guard let relation = rename.relation, let table = existingTable(relation), let old = rename.oldName else {
                if let relation = rename.relation, catalog.otherRelations[anyRelation(relation)] != nil { return true }
                warn("RENAME COLUMN on unknown table \(rename.relation?.qualifiedName ?? "?")")
                return true
            }
            renameColumn(old, to: newName, of: table)
        case .tableConstraint:
            guard let relation = rename.relation, let table = existingTable(relation), let old = rename.oldName else { return true }
            updateConstraint(old, of: table) { $0.name = newName }
            if let index = catalog.indexes[QualifiedName(table.schema, old)], index.constraintName == old {
                catalog.indexes[index.name] = nil
                var renamed = index
                renamed.constraintName = newName
                renameIndex(renamed, to: QualifiedName(table.schema, newName))
            }
        case .trigger:
            guard let relation = rename.relation, let table = existingTable(relation), let old = rename.oldName,
                  let i = catalog.tables[table]!.triggers.firstIndex(where: { $0.name == old }) else { return true }
            catalog.tables[table]!.triggers[i].name = newName
        case .schema:
            guard let old = rename.oldName, catalog.schemas.contains(old) else { warn("RENAME of unknown schema"); return true }
            renameSchema(old, to: newName)
        case .type, .domain:
            let parts = rename.object?.nameParts ?? []
            if let name = existingType(parts, in: \.enums), var type = catalog.enums.removeValue(forKey: name) {
                type.name = QualifiedName(name.schema, newName)
                catalog.enums[type.name] = type
            } else if let name = existingType(parts, in: \.domains), var domain = catalog.domains.removeValue(forKey: name) {
                domain.name = QualifiedName(name.schema, newName)
                catalog.domains[domain.name] = domain
            }
        case .publication:
            let old = rename.object?.nameParts.last ?? ""
            if var publication = catalog.publications.removeValue(forKey: old) {
                publication.name = newName
                catalog.publications[newName] = publication
            } else { warn("RENAME of unknown publication \(old)") }
        case .function, .procedure:
            let parts = rename.object?.nameParts ?? []
            if let name = existingType(parts, in: \.functions), let overloads = catalog.functions.removeValue(forKey: name) {
                let target = QualifiedName(name.schema, newName)
                catalog.functions[target] = overloads.map { var f = $0; f.name = target; return f }
            }
        default:
            return false
        }
        return true
    }

    mutating func setSchema(_ move: AlterObjectSchema) -> Bool {
        let schema = move.newSchema
        catalog.schemas.insert(schema)
        switch move.objectKind {
        case .table, .foreignTable:
            guard let relation = move.relation, let name = existingTable(relation) else { return true }
            moveTable(name, to: QualifiedName(schema, name.name))
        case .sequence:
            guard let relation = move.relation, var sequence = catalog.sequences.removeValue(forKey: anyRelation(relation)) else { return true }
            sequence.name.schema = schema
            catalog.sequences[sequence.name] = sequence
        case .type:
            let parts = move.object?.nameParts ?? []
            if let name = existingType(parts, in: \.enums), var type = catalog.enums.removeValue(forKey: name) {
                type.name.schema = schema
                catalog.enums[type.name] = type
            }
        default:
            return false
        }
        return true
    }
}
