import SQLSource

/// `replint schema`'s output: the model as a person reads it, or as JSON.
public struct CatalogRenderer: Sendable {
    public let catalog: Catalog
    /// `replication.tables` from the configuration, which decides when there is no publication.
    public let configuredTables: [String]?

    public init(catalog: Catalog, configuredTables: [String]?) {
        self.catalog = catalog
        self.configuredTables = configuredTables
    }

    var source: ReplicationSource { catalog.replicationSource(configuredTables: configuredTables) }

    public var replicationSummary: String {
        switch source {
        case .publications: "replicated tables: those the publications publish (\(catalog.publications.keys.sorted().joined(separator: ", ")))"
        case .configuredTables: "replicated tables: `replication.tables` in the configuration (the model has no publication)"
        case .everyTable: "replicated tables: every table (the model has no publication and the configuration no `replication.tables`)"
        }
    }

    public func text() -> String {
        var out = replicationSummary + "\n"
        for table in catalog.tables.values.sorted(by: { $0.name < $1.name }) { out += "\n" + describe(table) }
        for publication in catalog.publications.values.sorted(by: { $0.name < $1.name }) {
            var line = "\npublication \(publication.name): publishes \(publication.actions.joined(separator: ", "))"
            if publication.allTables { line += "; FOR ALL TABLES" }
            if !publication.schemas.isEmpty { line += "; TABLES IN SCHEMA \(publication.schemas.joined(separator: ", "))" }
            if publication.viaPartitionRoot { line += "; publish_via_partition_root" }
            out += line + "\n"
        }
        for type in catalog.enums.values.sorted(by: { $0.name < $1.name }) {
            out += "\nenum \(type.name): \(type.labels.map { "'\($0)'" }.joined(separator: ", "))\n"
        }
        return out
    }

    func describe(_ table: Table) -> String {
        var head = "table \(table.name)"
        if table.kind == .partitioned { head += " (partitioned by \(table.partitionStrategy ?? "?"))" }
        if let parent = table.parent { head += " (partition of \(parent) \(table.partitionBound ?? ""))" }
        head += catalog.isReplicated(table.name, configuredTables: configuredTables) ? ", replicated" : ", not replicated"
        var lines = [head]
        let width = table.columns.map(\.name.count).max() ?? 0
        for column in table.columns {
            var line = "  " + column.name.padded(to: width) + "  " + column.declaredType
            if column.isNotNull { line += " NOT NULL" }
            if let d = column.defaultValue { line += " DEFAULT \(d.expression) (\(d.volatility.rawValue))" }
            if let identity = column.identity { line += " GENERATED \(identity.rawValue.uppercased()) AS IDENTITY" }
            if let generated = column.generatedExpression { line += " GENERATED ALWAYS AS (\(generated)) STORED" }
            lines.append(line)
        }
        for c in table.constraints {
            var line = "  \(c.kind.rawValue) \(c.name) (\(c.columns.joined(separator: ", ")))"
            if let e = c.expression { line += " CHECK (\(e))" }
            if let r = c.referencedTable { line += " REFERENCES \(r) (\(c.referencedColumns.joined(separator: ", ")))" }
            if !c.isValidated { line += " NOT VALID" }
            lines.append(line)
        }
        for index in catalog.indexes(on: table.name) where index.constraintName == nil {
            var line = "  \(index.isUnique ? "unique index" : "index") \(index.name.name) (\(index.columns.joined(separator: ", ")))"
            if let p = index.predicate { line += " WHERE \(p)" }
            lines.append(line)
        }
        let identity = catalog.replicaIdentityColumns(of: table.name)
        lines.append("  replica identity: \(table.replicaIdentity)" + (identity.isEmpty ? " (no columns)" : " (\(identity.joined(separator: ", ")))"))
        for trigger in table.triggers { lines.append("  trigger \(trigger.name) (\(trigger.state.rawValue))") }
        for m in catalog.publications(publishing: table.name) {
            var line = "  published by \(m.publication)"
            if case .ancestor(let root) = m.reason { line += " through \(root)" }
            line += m.columns.map { ": columns (\($0.joined(separator: ", ")))" } ?? ": every column"
            if let filter = m.rowFilter { line += " WHERE \(filter)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
