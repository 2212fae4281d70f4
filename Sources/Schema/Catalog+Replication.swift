/// Where the answer to "is this table replicated?" comes from.
public enum ReplicationSource: String, Sendable {
    /// The catalogue has publications: they decide.
    case publications
    /// No publication is known; `replication.tables` in the configuration decides.
    case configuredTables = "replication.tables"
    /// Neither: every table counts as replicated.
    case everyTable = "every table"
}

extension Catalog {
    /// Every publication that publishes `table`, with the column list and
    /// row filter that apply to it (a partition takes its ancestor's).
    public func publications(publishing table: QualifiedName) -> [PublicationMembership] {
        guard tables[table] != nil, neverPublished(table) == nil else { return [] }
        let ancestors = ancestors(of: table)
        var out: [PublicationMembership] = []
        // Sorted at the end: a table is in a few publications, a catalogue may hold many.
        for publication in publications.values {
            func membership(_ reason: PublicationMembership.Reason, _ entry: PublishedTable?) -> PublicationMembership {
                PublicationMembership(
                    publication: publication.name, reason: reason, columns: entry?.columns, rowFilter: entry?.rowFilter,
                    rowFilterColumns: entry?.rowFilterColumns ?? [], actions: publication.actions,
                    viaPartitionRoot: publication.viaPartitionRoot)
            }
            if let entry = publication.entry(for: table) {
                out.append(membership(.listed, entry))
            } else if publication.schemas.contains(table.schema) {
                out.append(membership(.schema, nil))
            } else if let ancestor = ancestors.first(where: { publication.entry(for: $0) != nil || publication.schemas.contains($0.schema) }) {
                out.append(membership(.ancestor(ancestor), publication.entry(for: ancestor)))
            } else if publication.allTables {
                out.append(membership(.allTables, nil))
            }
        }
        return out.sorted { $0.publication < $1.publication }
    }

    /// What decides replication, given the configuration's `replication.tables`.
    public func replicationSource(configuredTables: [String]?) -> ReplicationSource {
        if hasPublications { return .publications }
        return configuredTables == nil ? .everyTable : .configuredTables
    }

    /// Whether changes to `table` reach subscribers: per the publications when
    /// there are any, else per `configuredTables` (`schema.table`; a bare name
    /// means `public`), else true.
    public func isReplicated(_ table: QualifiedName, configuredTables: [String]? = nil) -> Bool {
        if neverPublished(table) != nil { return false }
        switch replicationSource(configuredTables: configuredTables) {
        case .publications: return !publications(publishing: table).isEmpty
        case .configuredTables:
            let listed = Set((configuredTables ?? []).map { QualifiedName(parsing: $0) })
            return listed.contains(table) || ancestors(of: table).contains { listed.contains($0) }
        case .everyTable: return true
        }
    }
}
