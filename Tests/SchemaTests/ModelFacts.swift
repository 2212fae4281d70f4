@testable import Schema

/// The same fact lines as `ServerFacts`, written from the model.
enum ModelFacts {
    static func all(_ c: Catalog) -> [String] {
        var facts: [String] = []
        for t in c.tables.values {
            let replica: String
            switch t.replicaIdentity {
            case .default: replica = "default"
            case .full: replica = "full"
            case .nothing: replica = "nothing"
            case .index(let name): replica = "index:\(name)"
            }
            facts.append("table \(t.name) kind=\(t.kind.rawValue) parent=\(t.parent?.description ?? "-") replica=\(replica) bound=\(boundKind(t.partitionBound))")
            for col in t.columns {
                let name = "\(t.name).\(quoteIdentifier(col.name))"
                facts.append("column \(name) type=\(col.typeName) notnull=\(col.isNotNull) identity=\(col.identity?.rawValue ?? "-") generated=\(col.generatedExpression != nil)")
                if let d = col.defaultValue, col.generatedExpression == nil {
                    facts.append("default \(name) volatility=\(d.volatility.rawValue) constant=\(d.constantValue ?? "-")")
                }
            }
            for con in t.constraints {
                let kind = ["primary key": "p", "unique": "u", "check": "c", "foreign key": "f", "exclusion": "x"][con.kind.rawValue]!
                var columns = con.columns.map(quoteIdentifier)
                if con.kind == .check { columns.sort() }
                let references = con.referencedTable.map { "\($0)(\(con.referencedColumns.map(quoteIdentifier).joined(separator: ",")))" } ?? "-"
                facts.append("constraint \(t.name) \(con.name) kind=\(kind) columns=\(columns.joined(separator: ",")) validated=\(con.isValidated) references=\(references)")
            }
            for trigger in t.triggers { facts.append("trigger \(t.name) \(trigger.name) state=\(trigger.state.rawValue)") }
        }
        for i in c.indexes.values {
            let columns = i.columns.map { $0.hasPrefix("(") ? "(expr)" : quoteIdentifier($0) }.joined(separator: ",")
            facts.append("index \(i.table) \(i.name.name) unique=\(i.isUnique) partial=\(i.isPartial) columns=\(columns)")
        }
        for e in c.enums.values { facts.append("enum \(e.name) labels=\(e.labels.joined(separator: ","))") }
        for s in c.sequences.values {
            let owner = s.ownedBy.map { "\($0.table).\(quoteIdentifier($0.column))" } ?? "-"
            facts.append("sequence \(s.name) type=\(s.dataType) owner=\(owner)")
        }
        for overloads in c.functions.values {
            for f in overloads { facts.append("function \(f.name) volatility=\(f.volatility.rawValue)") }
        }
        for d in c.domains.values { facts.append("domain \(d.name) base=\(d.baseType) notnull=\(d.isNotNull)") }
        for p in c.publications.values {
            facts.append("publication \(p.name) all=\(p.allTables) viaroot=\(p.viaPartitionRoot) publish=\(p.actions.joined(separator: ",")) schemas=\(p.schemas.sorted().joined(separator: ","))")
            for entry in p.tables {
                let columns = entry.columns.map { $0.map(quoteIdentifier).sorted().joined(separator: ",") } ?? "*"
                facts.append("published \(p.name) \(entry.table) columns=\(columns) filter=\(normalizedExpression(entry.rowFilter))")
            }
        }
        return facts.sorted()
    }

    /// Expressions compared by their words: parentheses and spacing are the deparser's, not meaning.
    static func normalizedExpression(_ text: String?) -> String {
        guard let text else { return "-" }
        return String(text.lowercased().filter { $0 != "(" && $0 != ")" && $0 != " " })
    }

    static func boundKind(_ bound: String?) -> String {
        guard let bound else { return "-" }
        return bound.uppercased() == "DEFAULT" ? "default" : "values"
    }
}
