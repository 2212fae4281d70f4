import SQLSource
import Schema

/// The tables the file created itself so far (CREATE TABLE, CREATE TABLE AS,
/// SELECT INTO, CREATE MATERIALIZED VIEW), followed through renames and
/// schema moves and forgotten when dropped. Such a table has no rows and no
/// readers, so nothing its statements lock matters. Kept apart from the
/// catalogue, which models CREATE TABLE AS only by name and keeps a table
/// renamed by the file under its new name as if the baseline had it.
public struct CreatedRelations: Sendable {
    public private(set) var names: Set<QualifiedName> = []

    public init() {}

    public func contains(_ name: QualifiedName) -> Bool { names.contains(name) }

    /// Follows `node`, resolved against `catalog` (the schema just before it).
    mutating func record(_ node: Node, catalog: Catalog, searchPath: [String]) {
        func created(_ relation: RangeVar) -> QualifiedName {
            catalog.creationName(schema: relation.schema, name: relation.name, searchPath: searchPath)
        }
        func existing(_ relation: RangeVar) -> QualifiedName? {
            for name in CreatedRelations.candidates(relation, searchPath) {
                if names.contains(name) || catalog.table(name) != nil || catalog.otherRelations[name] != nil { return name }
            }
            return nil
        }
        if let create = node.createTable {
            names.insert(created(create.relation))
        } else if let made = node.createdByQuery {
            names.insert(created(made.relation))
        } else if let rename = node.rename, rename.oldName == nil, let relation = rename.relation,
                  let old = existing(relation), names.remove(old) != nil {
            names.insert(QualifiedName(old.schema, rename.newName))
        } else if let move = node.alterObjectSchema, let relation = move.relation,
                  let old = existing(relation), names.remove(old) != nil {
            names.insert(QualifiedName(move.newSchema, old.name))
        } else if let drop = node.drop {
            for parts in drop.objects {
                guard let last = parts.last else { continue }
                let schema = parts.count > 1 ? parts[parts.count - 2] : nil
                for name in CreatedRelations.candidates(schema: schema, name: last, searchPath) { names.remove(name) }
            }
        }
    }

    /// The names `relation` may mean, in search_path order.
    static func candidates(_ relation: RangeVar, _ searchPath: [String]) -> [QualifiedName] {
        candidates(schema: relation.schema, name: relation.name, searchPath)
    }

    static func candidates(schema: String?, name: String, _ searchPath: [String]) -> [QualifiedName] {
        if let schema { return [QualifiedName(schema, name)] }
        return searchPath.filter { $0 != "$user" && $0 != "pg_catalog" }.map { QualifiedName($0, name) }
    }
}
