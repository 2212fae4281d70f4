import SQLSource

// Relations PostgreSQL never publishes: temporary and unlogged tables,
// materialized views, views and the other relations that are not tables
// (`is_publishable_class`; `CREATE PUBLICATION ... FOR TABLE` refuses them
// with `cannot add relation "x" to publication`, and FOR ALL TABLES skips
// them). Statements on them need no replication order.

extension Table {
    /// The schema temporary tables live in: found before the search path,
    /// gone when the session ends.
    public static let temporarySchema = "pg_temp"

    public var isTemporary: Bool { name.schema == Table.temporarySchema }
}

extension Catalog {
    /// Why PostgreSQL never publishes the relation `name` (`a temporary
    /// table`, `a materialized view`), or nil when it can.
    public func neverPublished(_ name: QualifiedName) -> String? {
        if let table = tables[name] {
            if table.isTemporary { return "a temporary table" }
            if table.isUnlogged { return "an unlogged table" }
            return nil
        }
        guard let kind = otherRelations[name] else { return nil }
        return "a \(kind.rawValue)"
    }

    /// The relation (table, view, materialized view, ...) `schema.name`
    /// means under `searchPath`, temporary ones first, if the model knows it.
    public func resolveRelation(schema: String?, name: String, searchPath: [String]) -> QualifiedName? {
        CatalogBuilder(catalog: self, searchPath: searchPath).resolve(schema: schema, name: name) {
            tables[$0] != nil || otherRelations[$0] != nil
        }
    }

    /// Whether unqualified relation names look in `pg_temp` first (only
    /// once the model holds a temporary table).
    var hasTemporaryRelations: Bool { schemas.contains(Table.temporarySchema) }

    /// The model as the next session sees it: a file's temporary tables
    /// (and their indexes) end with the session that ran it.
    public mutating func endSession() {
        guard hasTemporaryRelations else { return }
        tables = tables.filter { !$0.value.isTemporary }
        indexes = indexes.filter { $0.key.schema != Table.temporarySchema }
        otherRelations = otherRelations.filter { $0.key.schema != Table.temporarySchema }
        schemas.remove(Table.temporarySchema)
    }
}

extension CatalogBuilder {
    /// Where `CREATE TEMP TABLE name` puts its table.
    mutating func temporaryName(_ name: String) -> QualifiedName {
        catalog.schemas.insert(Table.temporarySchema)
        return QualifiedName(Table.temporarySchema, name)
    }

    /// `CREATE TABLE ... AS`, `SELECT ... INTO`, `CREATE MATERIALIZED VIEW`.
    /// A table made from a query is a table like any other (new in its file,
    /// temporary or unlogged as it says); its columns are the names the query
    /// gives them, of types the model cannot know.
    mutating func createTable(fromQuery made: QueryTable) -> Bool {
        if made.isMaterializedView {
            addOtherRelation(made.relation, .materializedView)
            return true
        }
        let name = made.isTemporary ? temporaryName(made.relation.name) : creationName(schema: made.relation.schema, name: made.relation.name)
        if catalog.tables[name] != nil {
            if !made.ifNotExists { warn("table \(name) already exists") }
            return true
        }
        var table = Table(name: name)
        table.isUnlogged = made.isUnlogged
        let given = made.columnNames
        let fromQuery = made.queryColumnNames ?? []
        let names = given + fromQuery.dropFirst(given.count)
        table.columns = names.map { Column(name: $0, declaredType: "?", typeName: "?") }
        catalog.tables[name] = table
        return true
    }
}
