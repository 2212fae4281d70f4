/// What replint believes the database is: an in-memory catalogue built from
/// SQL. A value type of dictionaries, so that each linted file gets its own
/// copy of the baseline for the price of a reference count.
public struct Catalog: Sendable, Equatable, Codable {
    public var schemas: Set<String> = ["public"]
    public var tables: [QualifiedName: Table] = [:]
    /// Keyed by the index's own name (indexes live in their table's schema).
    public var indexes: [QualifiedName: Index] = [:]
    /// Views, materialized views, composite types, foreign tables.
    public var otherRelations: [QualifiedName: OtherRelationKind] = [:]
    public var enums: [QualifiedName: EnumType] = [:]
    public var sequences: [QualifiedName: Sequence] = [:]
    /// Every overload of each function name.
    public var functions: [QualifiedName: [Function]] = [:]
    public var domains: [QualifiedName: Domain] = [:]
    public var publications: [String: Publication] = [:]
    public var extensions: Set<String> = []

    public init() {}

    /// False when nothing says what is published: callers then fall back to
    /// `replication.tables`, or to every table.
    public var hasPublications: Bool { !publications.isEmpty }

    /// The table an unqualified or qualified name means under `searchPath`.
    public func table(named name: String, schema: String? = nil, searchPath: [String] = ["public"]) -> Table? {
        if let schema { return tables[QualifiedName(schema, name)] }
        if hasTemporaryRelations, let temporary = tables[QualifiedName(Table.temporarySchema, name)] { return temporary }
        for s in searchPath { if let t = tables[QualifiedName(s, name)] { return t } }
        return nil
    }

    public func table(_ name: QualifiedName) -> Table? { tables[name] }

    /// Partitions attached to `table` (one level).
    public func partitions(of table: QualifiedName) -> [Table] {
        tables.values.filter { $0.parent == table }.sorted { $0.name < $1.name }
    }

    /// Every table below `table` in its partition tree, nearest first. The
    /// walk keeps a set of the tables it has seen, so a cycle (PostgreSQL
    /// refuses one, and so does the model, but a catalogue can be decoded
    /// from a cache) ends it instead of looping.
    public func descendants(of table: QualifiedName) -> [QualifiedName] {
        var children: [QualifiedName: [QualifiedName]] = [:]
        for t in tables.values { if let parent = t.parent { children[parent, default: []].append(t.name) } }
        var seen: Set<QualifiedName> = [table]
        var out: [QualifiedName] = []
        var next = 0
        var queue = [table]
        while next < queue.count {
            let current = queue[next]
            next += 1
            for child in (children[current] ?? []).sorted() where seen.insert(child).inserted {
                out.append(child)
                queue.append(child)
            }
        }
        return out
    }

    /// The table's partitioned ancestors, nearest first.
    public func ancestors(of table: QualifiedName) -> [QualifiedName] {
        var out: [QualifiedName] = []
        var current = tables[table]?.parent
        while let parent = current, !out.contains(parent) {
            out.append(parent)
            current = tables[parent]?.parent
        }
        return out
    }

    public func indexes(on table: QualifiedName) -> [Index] {
        indexes.values.filter { $0.table == table }.sorted { $0.name < $1.name }
    }

    public func primaryKey(of table: QualifiedName) -> [String]? { tables[table]?.primaryKey?.columns }

    /// The index the table's replica identity uses, when it is `USING INDEX`.
    public func replicaIdentityIndex(of table: QualifiedName) -> Index? {
        guard case .index(let name)? = tables[table]?.replicaIdentity else { return nil }
        return indexes[QualifiedName(table.schema, name)]
    }

    /// The columns that identify a row in UPDATE/DELETE on the subscriber:
    /// the primary key (DEFAULT), the index's columns (USING INDEX), every
    /// column (FULL), or none (NOTHING, or DEFAULT without a primary key).
    public func replicaIdentityColumns(of table: QualifiedName) -> [String] {
        guard let t = tables[table] else { return [] }
        switch t.replicaIdentity {
        case .default: return t.primaryKey?.columns ?? []
        case .full: return t.columns.map(\.name)
        case .nothing: return []
        case .index: return replicaIdentityIndex(of: table)?.columns ?? []
        }
    }

    /// True when the table's changes can be published with UPDATE and DELETE:
    /// it has a replica identity with at least one column.
    public func hasUsableReplicaIdentity(_ table: QualifiedName) -> Bool { !replicaIdentityColumns(of: table).isEmpty }

    public func enumType(_ name: QualifiedName) -> EnumType? { enums[name] }

    /// The sequence a serial or identity column draws from.
    public func sequence(ownedBy table: QualifiedName, column: String) -> Sequence? {
        sequences.values.first { $0.ownedBy == ColumnReference(table: table, column: column) }
    }
}
