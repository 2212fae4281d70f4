import SQLSource
extension CatalogRenderer {
    /// The model as JSON text, keys in a stable order.
    public func json() -> String {
        value().rendered() + "\n"
    }

    /// The model as a JSON value, for documents that nest it (`replint schema` with both sides).
    public func value() -> JSON {
        let tables = catalog.tables.values.sorted { $0.name < $1.name }.map(tableJSON)
        let publications = catalog.publications.values.sorted { $0.name < $1.name }.map { p in
            JSON.object([
                ("name", .string(p.name)), ("all_tables", .bool(p.allTables)), ("schemas", .strings(p.schemas)),
                ("publish", .strings(p.actions)), ("publish_via_partition_root", .bool(p.viaPartitionRoot)),
                ("tables", .array(p.tables.map { t in
                    .object([("table", .string(t.table.description)), ("columns", t.columns.map(JSON.strings) ?? .null),
                             ("row_filter", t.rowFilter.map(JSON.string) ?? .null), ("row_filter_columns", .strings(t.rowFilterColumns))])
                })),
            ])
        }
        let enums = catalog.enums.values.sorted { $0.name < $1.name }.map {
            JSON.object([("name", .string($0.name.description)), ("labels", .strings($0.labels))])
        }
        return .object([
            ("replicated_by", .string(source.rawValue)), ("tables", .array(tables)),
            ("publications", .array(publications)), ("enums", .array(enums)),
        ])
    }

    func tableJSON(_ table: Table) -> JSON {
        let columns = table.columns.map { c in
            JSON.object([
                ("name", .string(c.name)), ("type", .string(c.declaredType)), ("type_name", .string(c.typeName)),
                ("not_null", .bool(c.isNotNull)),
                ("default", c.defaultValue.map { d in
                    .object([("expression", .string(d.expression)), ("volatility", .string(d.volatility.rawValue)),
                             ("constant", d.constantValue.map(JSON.string) ?? .null)])
                } ?? .null),
                ("identity", c.identity.map { .string($0.rawValue) } ?? .null),
                ("generated", c.generatedExpression.map(JSON.string) ?? .null),
            ])
        }
        let constraints = table.constraints.map { c in
            JSON.object([
                ("name", .string(c.name)), ("kind", .string(c.kind.rawValue)), ("columns", .strings(c.columns)),
                ("expression", c.expression.map(JSON.string) ?? .null),
                ("references", c.referencedTable.map { .string($0.description) } ?? .null),
                ("referenced_columns", .strings(c.referencedColumns)), ("validated", .bool(c.isValidated)),
            ])
        }
        let indexes = catalog.indexes(on: table.name).map { i in
            JSON.object([
                ("name", .string(i.name.name)), ("columns", .strings(i.columns)), ("unique", .bool(i.isUnique)),
                ("predicate", i.predicate.map(JSON.string) ?? .null), ("constraint", i.constraintName.map(JSON.string) ?? .null),
                ("replica_identity", .bool(table.replicaIdentity == .index(i.name.name))),
            ])
        }
        let publications = catalog.publications(publishing: table.name).map { m in
            JSON.object([
                ("publication", .string(m.publication)), ("columns", m.columns.map(JSON.strings) ?? .null),
                ("row_filter", m.rowFilter.map(JSON.string) ?? .null), ("row_filter_columns", .strings(m.rowFilterColumns)),
            ])
        }
        return .object([
            ("name", .string(table.name.description)), ("kind", .string(table.kind.rawValue)),
            ("parent", table.parent.map { .string($0.description) } ?? .null),
            ("partition_bound", table.partitionBound.map(JSON.string) ?? .null),
            ("columns", .array(columns)), ("constraints", .array(constraints)), ("indexes", .array(indexes)),
            ("replica_identity", .string(table.replicaIdentity.description)),
            ("replica_identity_columns", .strings(catalog.replicaIdentityColumns(of: table.name))),
            ("triggers", .array(table.triggers.map { .object([("name", .string($0.name)), ("state", .string($0.state.rawValue))]) })),
            ("replicated", .bool(catalog.isReplicated(table.name, configuredTables: configuredTables))),
            ("publications", .array(publications)),
        ])
    }
}
