extension CatalogRenderer {
    /// The model as JSON, keys in a stable order.
    public func json() -> String {
        let tables = catalog.tables.values.sorted { $0.name < $1.name }.map(tableJSON)
        let publications = catalog.publications.values.sorted { $0.name < $1.name }.map { p in
            JSONValue.object([
                ("name", .string(p.name)), ("all_tables", .bool(p.allTables)), ("schemas", .strings(p.schemas)),
                ("publish", .strings(p.actions)), ("publish_via_partition_root", .bool(p.viaPartitionRoot)),
                ("tables", .array(p.tables.map { t in
                    .object([("table", .string(t.table.description)), ("columns", t.columns.map(JSONValue.strings) ?? .null),
                             ("row_filter", t.rowFilter.map(JSONValue.string) ?? .null), ("row_filter_columns", .strings(t.rowFilterColumns))])
                })),
            ])
        }
        let enums = catalog.enums.values.sorted { $0.name < $1.name }.map {
            JSONValue.object([("name", .string($0.name.description)), ("labels", .strings($0.labels))])
        }
        return JSONValue.object([
            ("replicated_by", .string(source.rawValue)), ("tables", .array(tables)),
            ("publications", .array(publications)), ("enums", .array(enums)),
        ]).rendered() + "\n"
    }

    func tableJSON(_ table: Table) -> JSONValue {
        let columns = table.columns.map { c in
            JSONValue.object([
                ("name", .string(c.name)), ("type", .string(c.declaredType)), ("type_name", .string(c.typeName)),
                ("not_null", .bool(c.isNotNull)),
                ("default", c.defaultValue.map { d in
                    .object([("expression", .string(d.expression)), ("volatility", .string(d.volatility.rawValue)),
                             ("constant", d.constantValue.map(JSONValue.string) ?? .null)])
                } ?? .null),
                ("identity", c.identity.map { .string($0.rawValue) } ?? .null),
                ("generated", c.generatedExpression.map(JSONValue.string) ?? .null),
            ])
        }
        let constraints = table.constraints.map { c in
            JSONValue.object([
                ("name", .string(c.name)), ("kind", .string(c.kind.rawValue)), ("columns", .strings(c.columns)),
                ("expression", c.expression.map(JSONValue.string) ?? .null),
                ("references", c.referencedTable.map { .string($0.description) } ?? .null),
                ("referenced_columns", .strings(c.referencedColumns)), ("validated", .bool(c.isValidated)),
            ])
        }
        let indexes = catalog.indexes(on: table.name).map { i in
            JSONValue.object([
                ("name", .string(i.name.name)), ("columns", .strings(i.columns)), ("unique", .bool(i.isUnique)),
                ("predicate", i.predicate.map(JSONValue.string) ?? .null), ("constraint", i.constraintName.map(JSONValue.string) ?? .null),
                ("replica_identity", .bool(table.replicaIdentity == .index(i.name.name))),
            ])
        }
        let publications = catalog.publications(publishing: table.name).map { m in
            JSONValue.object([
                ("publication", .string(m.publication)), ("columns", m.columns.map(JSONValue.strings) ?? .null),
                ("row_filter", m.rowFilter.map(JSONValue.string) ?? .null), ("row_filter_columns", .strings(m.rowFilterColumns)),
            ])
        }
        return .object([
            ("name", .string(table.name.description)), ("kind", .string(table.kind.rawValue)),
            ("parent", table.parent.map { .string($0.description) } ?? .null),
            ("partition_bound", table.partitionBound.map(JSONValue.string) ?? .null),
            ("columns", .array(columns)), ("constraints", .array(constraints)), ("indexes", .array(indexes)),
            ("replica_identity", .string(table.replicaIdentity.description)),
            ("replica_identity_columns", .strings(catalog.replicaIdentityColumns(of: table.name))),
            ("triggers", .array(table.triggers.map { .object([("name", .string($0.name)), ("state", .string($0.state.rawValue))]) })),
            ("replicated", .bool(catalog.isReplicated(table.name, configuredTables: configuredTables))),
            ("publications", .array(publications)),
        ])
    }
}

/// A minimal JSON value with ordered keys (this module has no Foundation).
indirect enum JSONValue {
    case null, bool(Bool), string(String), array([JSONValue]), object([(String, JSONValue)])

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    func rendered(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return JSONValue.quote(s)
        case .array(let items):
            return items.isEmpty ? "[]" : "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let pairs):
            return pairs.isEmpty ? "{}" : "{\n" + pairs.map { inner + JSONValue.quote($0.0) + ": " + $0.1.rendered(indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
