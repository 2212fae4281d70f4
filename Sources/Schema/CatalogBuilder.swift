import SQLSource

/// Something a statement says that the model contradicts (dropping a table
/// it does not know, adding a column that exists). Shown with `--schema-strict`.
public struct CatalogWarning: Sendable, Equatable, CustomStringConvertible {
    public let path: String?
    public let location: SourceLocation?
    /// The statement's byte range in its file.
    public let range: Range<Int>?
    public let message: String

    public var description: String {
        let place = [path, location.map { "\($0.line):\($0.column)" }].compactMap { $0 }.joined(separator: ":")
        return place.isEmpty ? message : "\(place): \(message)"
    }
}

/// Applies SQL statements to a `Catalog`, one at a time, resolving names as
/// PostgreSQL would under the current `search_path`. Statements it does not
/// model are counted and skipped; none is ever an error.
public struct CatalogBuilder: Sendable {
    public internal(set) var catalog: Catalog
    /// Schemas unqualified names resolve through (`pg_catalog` is implicit).
    public internal(set) var searchPath: [String]
    public internal(set) var warnings: [CatalogWarning] = []
    public internal(set) var appliedCount = 0
    /// Statements that change nothing the model holds, by parse-tree node kind.
    public internal(set) var skipped: [String: Int] = [:]
    /// Statements PostgreSQL refuses on the schema so far, left out of the model.
    public internal(set) var refusals: [Refusal] = []
    /// The file the statements come from, for warnings.
    public var path: String?
    let initialSearchPath: [String]
    var currentLocation: SourceLocation?
    var currentRange: Range<Int>?

    public init(catalog: Catalog = Catalog(), searchPath: [String] = ["public"], path: String? = nil) {
        self.catalog = catalog
        self.searchPath = searchPath
        self.initialSearchPath = searchPath
        self.path = path
    }

    public var skippedCount: Int { skipped.values.reduce(0, +) }

    /// Applies every statement of a document in order (statements that did
    /// not parse change nothing).
    public mutating func apply(_ document: SQLDocument) {
        path = document.file.path
        for statement in document.statements { apply(statement) }
    }

    public mutating func apply(_ statement: Statement) {
        currentLocation = statement.location
        currentRange = statement.range
        guard let node = statement.node else { return }
        if apply(node) { appliedCount += 1 } else { skipped[node.kindName, default: 0] += 1 }
    }

    /// Applies one parse-tree statement; false when it is not modelled.
    mutating func apply(_ node: Node) -> Bool {
        if let refusal = refusal(of: node) {
            refusals.append(refusal)
            warn("PostgreSQL refuses this statement, so the model leaves it out: \(refusal)")
            return true
        }
        if let create = node.createTable { createTable(create); return true }
        if let alter = node.alterTable { alterTable(alter); return true }
        if let index = node.createIndex { createIndex(index); return true }
        if let drop = node.drop { return self.drop(drop) }
        if let rename = node.rename { return self.rename(rename) }
        if let move = node.alterObjectSchema { return setSchema(move) }
        if let schema = node.createSchema { createSchema(schema); return true }
        if let e = node.createEnum { createEnum(e); return true }
        if let e = node.alterEnum { alterEnum(e); return true }
        if let t = node.createCompositeType { addOtherRelation(t.relation, .compositeType); return true }
        if let s = node.createSequence { createSequence(s); return true }
        if let s = node.alterSequence { alterSequence(s); return true }
        if let t = node.createTrigger { createTrigger(t); return true }
        if let f = node.createFunction { createFunction(f); return true }
        if let d = node.createDomain { createDomain(d); return true }
        if let d = node.alterDomain { return alterDomain(d) }
        if let view = node.createdView { addOtherRelation(view, .view); return true }
        if let made = node.queryTable { return createTable(fromQuery: made) }
        if let p = node.createPublication { createPublication(p); return true }
        if let p = node.alterPublication { alterPublication(p); return true }
        if let set = node.variableSet { return setVariable(set) }
        if let targets = node.selectTargets { return selectSetConfig(targets) }
        return false
    }

    mutating func warn(_ message: String) {
        warnings.append(CatalogWarning(path: path, location: currentLocation, range: currentRange, message: message))
    }

    // MARK: names

    /// Search path entries that can hold objects (`$user` resolves to no schema here).
    var effectiveSearchPath: [String] { searchPath.filter { $0 != "$user" && $0 != "pg_catalog" } }

    /// The schema an unqualified CREATE puts its object in: the first
    /// schema of the search path that exists.
    var creationSchema: String {
        if let existing = effectiveSearchPath.first(where: { catalog.schemas.contains($0) }) { return existing }
        if let first = effectiveSearchPath.first { return first }
        return "public"
    }

    mutating func creationName(schema: String?, name: String) -> QualifiedName {
        if let schema {
            catalog.schemas.insert(schema)
            return QualifiedName(schema, name)
        }
        if effectiveSearchPath.isEmpty { warn("no schema selected to create \(quoteIdentifier(name)) in (search_path is empty); assumed public") }
        return QualifiedName(creationSchema, name)
    }

    func creationName(_ relation: RangeVar) -> QualifiedName {
        QualifiedName(relation.schema ?? creationSchema, relation.name)
    }

    /// Resolves a name through the search path to the first schema where
    /// `exists` holds; a qualified name is taken as written.
    func resolve(schema: String?, name: String, exists: (QualifiedName) -> Bool) -> QualifiedName? {
        if let schema { return exists(QualifiedName(schema, name)) ? QualifiedName(schema, name) : nil }
        // Temporary relations are found before the search path, as in PostgreSQL.
        if catalog.hasTemporaryRelations, exists(QualifiedName(Table.temporarySchema, name)) { return QualifiedName(Table.temporarySchema, name) }
        for s in effectiveSearchPath where exists(QualifiedName(s, name)) { return QualifiedName(s, name) }
        return nil
    }

    func existingTable(_ relation: RangeVar) -> QualifiedName? {
        resolve(schema: relation.schema, name: relation.name) { catalog.tables[$0] != nil }
    }

    /// A name for a relation the model may not know: resolved if known, else as written in the first schema.
    func anyRelation(_ relation: RangeVar) -> QualifiedName {
        resolve(schema: relation.schema, name: relation.name) {
            catalog.tables[$0] != nil || catalog.otherRelations[$0] != nil || catalog.sequences[$0] != nil || catalog.indexes[$0] != nil
        } ?? QualifiedName(relation.schema ?? effectiveSearchPath.first ?? "public", relation.name)
    }

    func userType(schema: String?, name: String) -> QualifiedName {
        let found = resolve(schema: schema, name: name) {
            catalog.enums[$0] != nil || catalog.domains[$0] != nil || catalog.otherRelations[$0] != nil || catalog.tables[$0] != nil
        }
        return found ?? QualifiedName(schema ?? effectiveSearchPath.first ?? "public", name)
    }

    func resolveType(_ type: TypeName) -> TypeNames.Resolved {
        TypeNames.resolve(type) { schema, name in userType(schema: schema, name: name) }
    }

    func volatility(of node: Node) -> Volatility {
        ExpressionClassifier.volatility(of: node) { schema, name in
            let found = resolve(schema: schema, name: name) { catalog.functions[$0] != nil }
            return found.flatMap { catalog.functions[$0]?.map(\.volatility).max() }
        }
    }

    func columnDefault(_ node: Node) -> ColumnDefault {
        var value = ColumnDefault(expression: node.sqlText ?? "?", volatility: volatility(of: node))
        if let constant = ExpressionClassifier.constantValue(of: node) {
            value.constantValue = constant.value
            value.isNullConstant = constant.isNull
        }
        return value
    }
}
