import SQLSource

extension CatalogBuilder {
    mutating func createPublication(_ create: CreatePublication) {
        if catalog.publications[create.name] != nil { warn("publication \(create.name) already exists") }
        var publication = Publication(name: create.name)
        publication.allTables = create.forAllTables
        applyOptions(create.options, to: &publication)
        add(create.objects, to: &publication)
        catalog.publications[create.name] = publication
    }

    mutating func alterPublication(_ alter: AlterPublication) {
        guard var publication = catalog.publications[alter.name] else {
            warn("ALTER PUBLICATION of unknown publication \(alter.name)")
            return
        }
        applyOptions(alter.options, to: &publication)
        switch alter.action {
        case .add: add(alter.objects, to: &publication)
        case .set:
            publication.tables = []
            publication.schemas = []
            add(alter.objects, to: &publication)
        case .drop:
            for object in alter.objects {
                if let schema = schemaName(of: object) {
                    publication.schemas.removeAll { $0 == schema }
                } else if let table = object.table {
                    let name = existingTable(table) ?? anyRelation(table)
                    if publication.entry(for: name) == nil { warn("table \(name) is not part of publication \(publication.name)") }
                    publication.tables.removeAll { $0.table == name }
                }
            }
        case .optionsOnly: break
        }
        catalog.publications[alter.name] = publication
    }

    func schemaName(of object: PublicationObject) -> String? {
        switch object.kind {
        case .tablesInSchema: return object.schemaName
        case .tablesInCurrentSchema: return effectiveSearchPath.first
        default: return nil
        }
    }

    mutating func add(_ objects: [PublicationObject], to publication: inout Publication) {
        for object in objects {
            if let schema = schemaName(of: object) {
                if !publication.schemas.contains(schema) { publication.schemas.append(schema) }
                continue
            }
            guard let table = object.table else { continue }
            guard let name = existingTable(table) else {
                warn("publication \(publication.name) names unknown table \(table.qualifiedName)")
                continue
            }
            let entry = PublishedTable(
                table: name, columns: object.columns.isEmpty ? nil : object.columns,
                rowFilter: object.rowFilter?.sqlText, rowFilterColumns: object.rowFilter?.referencedColumns ?? [])
            if let i = publication.tables.firstIndex(where: { $0.table == name }) {
                warn("table \(name) is already part of publication \(publication.name)")
                publication.tables[i] = entry
            } else {
                publication.tables.append(entry)
            }
        }
    }

    func applyOptions(_ options: [DefElem], to publication: inout Publication) {
        for option in options {
            switch option.name {
            case "publish":
                publication.actions = (option.argumentText ?? "").split(separator: ",")
                    .map { String($0.filter { $0 != " " }).lowercased() }.filter { !$0.isEmpty }
            case "publish_via_partition_root":
                publication.viaPartitionRoot = ["true", "on", "1", "yes", nil].contains(option.argumentText?.lowercased())
            default: break
            }
        }
    }

    // MARK: search_path

    /// `SET search_path TO a, b`, `RESET search_path`, `SET search_path TO DEFAULT`.
    mutating func setVariable(_ set: VariableSet) -> Bool {
        guard set.name.lowercased() == "search_path" else { return false }
        let values = set.arguments.compactMap { $0.constant?.text }
        searchPath = values.isEmpty ? initialSearchPath : values
        return true
    }

    /// pg_dump's `SELECT pg_catalog.set_config('search_path', '', false);`.
    mutating func selectSetConfig(_ targets: [Node]) -> Bool {
        guard targets.count == 1, let call = targets[0].functionCall, call.name.last == "set_config",
              call.arguments.count == 3, call.arguments[0].constant?.text == "search_path",
              let value = call.arguments[1].constant?.text else { return false }
        searchPath = Self.parseSearchPath(value)
        return true
    }

    /// A search_path setting's text: comma-separated, each name maybe quoted.
    static func parseSearchPath(_ text: String) -> [String] {
        text.split(separator: ",").map { part -> String in
            let name = part.trimmed(of: " ")
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                return String(name.dropFirst().dropLast()).replacingDoubledQuotes()
            }
            return name.lowercased()
        }.filter { !$0.isEmpty }
    }
}

extension String {
    func replacingDoubledQuotes() -> String {
        var out = ""
        var previousWasQuote = false
        for ch in self {
            if ch == "\"" && previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = ch == "\""
            out.append(ch)
        }
        return out
    }
}
