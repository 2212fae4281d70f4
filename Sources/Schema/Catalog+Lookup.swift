import SQLSource

// Questions rules ask of the catalogue about a statement they have not
// applied yet, answered with the same name resolution and expression
// classification the builder uses.
extension Catalog {
    /// The table `schema.name` means under `searchPath`, if the catalogue knows it.
    public func resolveTable(schema: String?, name: String, searchPath: [String]) -> QualifiedName? {
        CatalogBuilder(catalog: self, searchPath: searchPath).existingTable(schema: schema, name: name)
    }

    /// The index a name means under `searchPath`, if the catalogue knows it.
    public func resolveIndex(schema: String?, name: String, searchPath: [String]) -> Index? {
        let builder = CatalogBuilder(catalog: self, searchPath: searchPath)
        return builder.resolve(schema: schema, name: name) { indexes[$0] != nil }.flatMap { indexes[$0] }
    }

    /// A default expression as the catalogue would record it: text, volatility, constant value.
    public func columnDefault(of expression: Node, searchPath: [String]) -> ColumnDefault {
        CatalogBuilder(catalog: self, searchPath: searchPath).columnDefault(expression)
    }

    /// A column type as the catalogue would record it: as written, normalised,
    /// and whether it is `serial`-like (an integer with a sequence default).
    public func columnType(_ type: TypeName, searchPath: [String]) -> (declared: String, normalized: String, isSerial: Bool) {
        let resolved = CatalogBuilder(catalog: self, searchPath: searchPath).resolveType(type)
        return (resolved.declared, resolved.normalized, resolved.isSerial)
    }

    /// Where an unqualified CREATE under `searchPath` would put `name`.
    public func creationName(schema: String?, name: String, searchPath: [String]) -> QualifiedName {
        QualifiedName(schema ?? CatalogBuilder(catalog: self, searchPath: searchPath).creationSchema, name)
    }
}

extension CatalogBuilder {
    func existingTable(schema: String?, name: String) -> QualifiedName? {
        resolve(schema: schema, name: name) { catalog.tables[$0] != nil }
    }
}

extension Baselines {
    /// One baseline, already loaded, for both sides.
    public init(shared baseline: LoadedBaseline, paths: [String] = []) {
        self.init(publisher: baseline, subscriber: baseline, isShared: true, publisherPaths: paths, subscriberPaths: paths)
    }

    /// A baseline given as SQL text (rule examples, tests).
    public static func fromSQL(_ sql: String, searchPath: [String] = ["public"]) throws(SourceError) -> Baselines {
        let document = try SQLDocument(path: "baseline.sql", text: sql)
        return Baselines(shared: BaselineLoader.load(documents: [document], searchPath: searchPath), paths: ["baseline.sql"])
    }
}

extension LoadedBaseline {
    /// A baseline that is just a catalogue (the schema a previous file left, say).
    public init(catalog: Catalog) {
        self.init(catalog: catalog, syntaxErrors: [], warnings: [])
    }
}

extension Catalog {
    /// The catalogue as `statement` leaves it (unchanged when PostgreSQL
    /// refuses it), for rules that compare a table before and after.
    public func applying(_ statement: Statement, searchPath: [String]) -> Catalog {
        var builder = CatalogBuilder(catalog: self, searchPath: searchPath)
        builder.apply(statement)
        return builder.catalog
    }
}
