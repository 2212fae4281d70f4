import SQLSource

/// A statement PostgreSQL refuses on the schema as the model holds it, in
/// PostgreSQL's own words. The model leaves such a statement out, as the
/// server does, so that the statements after it meet the schema unchanged:
/// a table whose published column could not be dropped is still published.
public struct Refusal: Sendable, Equatable, CustomStringConvertible {
    public enum Cause: Sendable, Equatable {
        /// ATTACH PARTITION of a table to itself or to one of its own partitions.
        case circularInheritance(partition: QualifiedName)
        /// ATTACH PARTITION of a table that is already a partition.
        case alreadyPartition(partition: QualifiedName)
        /// DROP COLUMN (without CASCADE) of a column a publication's column
        /// list or row filter depends on.
        case dropColumnUsedByPublication(publication: String, column: String)
        /// ALTER COLUMN ... TYPE of such a column (CASCADE does not help).
        case alterTypeOfColumnUsedByPublication(publication: String, column: String)
        /// DROP INDEX of the index a PRIMARY KEY or UNIQUE constraint owns.
        case indexRequiredByConstraint(index: QualifiedName, constraint: String)
    }

    public let cause: Cause
    /// The ALTER TABLE command, or the DROP's object, that is refused.
    public let command: Int
    /// PostgreSQL's error message and detail, word for word.
    public let message: String
    public let detail: String?

    public var description: String { detail.map { "\(message) (\($0))" } ?? message }
}

extension Catalog {
    /// The error PostgreSQL raises for `node` on this schema, when the model
    /// knows it will raise one.
    public func refusal(of node: Node, searchPath: [String]) -> Refusal? {
        CatalogBuilder(catalog: self, searchPath: searchPath).refusal(of: node)
    }
}

extension CatalogBuilder {
    func refusal(of node: Node) -> Refusal? {
        if let alter = node.alterTable, alter.objectKind == .table || alter.objectKind == .other {
            for (index, command) in alter.commands.enumerated() {
                if let refusal = refusal(command, index, on: alter.relation) { return refusal }
            }
        }
        if let drop = node.drop, drop.objectKind == .index {
            for (index, parts) in drop.objectNameParts.enumerated() where !parts.isEmpty {
                let schema = parts.count > 1 ? parts[parts.count - 2] : nil
                guard let name = resolve(schema: schema, name: parts[parts.count - 1], exists: { catalog.indexes[$0] != nil }),
                      let owned = catalog.indexes[name], let constraint = owned.constraintName,
                      catalog.tables[owned.table]?.constraints.contains(where: { $0.name == constraint }) == true else { continue }
                // The constraint owns the index (an internal dependency): CASCADE does not get past it.
                let table = relationDescription(owned.table)
                return Refusal(cause: .indexRequiredByConstraint(index: name, constraint: constraint), command: index,
                               message: "cannot drop index \(name.name) because constraint \(constraint) on table \(table) requires it",
                               detail: nil)
            }
        }
        return nil
    }

    /// Few commands can be refused: each that can looks its table up, so the
    /// many that cannot cost no lookup.
    private func refusal(_ command: AlterTableCommand, _ index: Int, on relation: RangeVar) -> Refusal? {
        switch command.action {
        case .attachPartition:
            guard let table = existingTable(relation), let partitionVar = command.partition,
                  let partition = existingTable(partitionVar) else { return nil }
            if catalog.tables[partition]?.parent != nil {
                return Refusal(cause: .alreadyPartition(partition: partition), command: index,
                               message: "\"\(partition.name)\" is already a partition", detail: nil)
            }
            if partition == table || catalog.ancestors(of: table).contains(partition) {
                return Refusal(cause: .circularInheritance(partition: partition), command: index,
                               message: "circular inheritance not allowed",
                               detail: "\"\(table.name)\" is already a child of \"\(partition.name)\".")
            }
        case .dropColumn, .dropColumnRecurse:
            guard command.behavior != .cascade, let column = command.name, let table = existingTable(relation),
                  let publication = publicationDepending(on: column, of: table) else { return nil }
            let described = relationDescription(table)
            return Refusal(cause: .dropColumnUsedByPublication(publication: publication, column: column), command: index,
                           message: "cannot drop column \(column) of table \(described) because other objects depend on it",
                           detail: "publication of table \(described) in publication \(publication) depends on column \(column) of table \(described)")
        case .alterColumnType:
            guard let column = command.name, let table = existingTable(relation),
                  let publication = publicationDepending(on: column, of: table) else { return nil }
            // PostgreSQL 15 words it so for a column list as well as for a row filter.
            return Refusal(cause: .alterTypeOfColumnUsedByPublication(publication: publication, column: column), command: index,
                           message: "cannot alter type of a column used by a publication WHERE clause",
                           detail: "publication of table \(relationDescription(table)) in publication \(publication) depends on column \"\(column)\"")
        default:
            break
        }
        return nil
    }

    /// The first publication (by name) whose column list or row filter for `table` names `column`.
    func publicationDepending(on column: String, of table: QualifiedName) -> String? {
        catalog.publications.values.sorted { $0.name < $1.name }.first { publication in
            guard let entry = publication.entry(for: table) else { return false }
            return entry.columns?.contains(column) == true || entry.rowFilterColumns.contains(column)
        }?.name
    }

    /// A table as PostgreSQL names it in messages: qualified unless its schema is on the search path.
    func relationDescription(_ table: QualifiedName) -> String {
        effectiveSearchPath.contains(table.schema) ? quoteIdentifier(table.name) : table.description
    }
}
