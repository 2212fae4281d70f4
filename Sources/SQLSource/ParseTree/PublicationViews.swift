import CPgQuery

extension Node {
    public var createPublication: CreatePublication? {
        tag == PG_QUERY__NODE__NODE_CREATE_PUBLICATION_STMT ? view(raw.pointee.create_publication_stmt) : nil
    }
    public var alterPublication: AlterPublication? {
        tag == PG_QUERY__NODE__NODE_ALTER_PUBLICATION_STMT ? view(raw.pointee.alter_publication_stmt) : nil
    }
    public var publicationObject: PublicationObject? {
        tag == PG_QUERY__NODE__NODE_PUBLICATION_OBJ_SPEC ? view(raw.pointee.publication_obj_spec) : nil
    }
}

/// `CREATE PUBLICATION name [FOR ALL TABLES | FOR TABLE ... | FOR TABLES IN SCHEMA ...] [WITH (...)]`.
public struct CreatePublication: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__CreatePublicationStmt>
    let tree: ParseTree
    public var name: String { string(raw.pointee.pubname) }
    public var options: [DefElem] { nodes(raw.pointee.n_options, raw.pointee.options).compactMap(\.defElem) }
    public var objects: [PublicationObject] { nodes(raw.pointee.n_pubobjects, raw.pointee.pubobjects).compactMap(\.publicationObject) }
    public var forAllTables: Bool { raw.pointee.for_all_tables != 0 }
}

/// `ALTER PUBLICATION name ADD|DROP|SET ...` or `... SET (options)`.
public struct AlterPublication: ParseTreeView, @unchecked Sendable {
    public enum Action: ParseTreeEnum {
        /// `SET (option = ...)` only, or OWNER TO / RENAME (which parse elsewhere).
        case optionsOnly
        case add, drop, set

        init(_ c: PgQuery__AlterPublicationAction) {
            switch c {
            case PG_QUERY__ALTER_PUBLICATION_ACTION__AP_AddObjects: self = .add
            case PG_QUERY__ALTER_PUBLICATION_ACTION__AP_DropObjects: self = .drop
            case PG_QUERY__ALTER_PUBLICATION_ACTION__AP_SetObjects: self = .set
            default: self = .optionsOnly
            }
        }
    }

    let raw: UnsafeMutablePointer<PgQuery__AlterPublicationStmt>
    let tree: ParseTree
    public var name: String { string(raw.pointee.pubname) }
    public var options: [DefElem] { nodes(raw.pointee.n_options, raw.pointee.options).compactMap(\.defElem) }
    public var objects: [PublicationObject] { nodes(raw.pointee.n_pubobjects, raw.pointee.pubobjects).compactMap(\.publicationObject) }
    public var action: Action { .init(raw.pointee.action) }
}

/// One element of a publication's object list: a table (with its column
/// list and row filter) or a schema.
public struct PublicationObject: ParseTreeView, @unchecked Sendable {
    public enum Kind: ParseTreeEnum {
        case table, tablesInSchema, tablesInCurrentSchema, continuation
        case other

        init(_ c: PgQuery__PublicationObjSpecType) {
            switch c {
            case PG_QUERY__PUBLICATION_OBJ_SPEC_TYPE__PUBLICATIONOBJ_TABLE: self = .table
            case PG_QUERY__PUBLICATION_OBJ_SPEC_TYPE__PUBLICATIONOBJ_TABLES_IN_SCHEMA: self = .tablesInSchema
            case PG_QUERY__PUBLICATION_OBJ_SPEC_TYPE__PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA: self = .tablesInCurrentSchema
            case PG_QUERY__PUBLICATION_OBJ_SPEC_TYPE__PUBLICATIONOBJ_CONTINUATION: self = .continuation
            default: self = .other
            }
        }
    }

    let raw: UnsafeMutablePointer<PgQuery__PublicationObjSpec>
    let tree: ParseTree
    public var kind: Kind { .init(raw.pointee.pubobjtype) }
    /// The schema of `TABLES IN SCHEMA name`.
    public var schemaName: String? { optionalString(raw.pointee.name) }
    public var table: RangeVar? { view(raw.pointee.pubtable?.pointee.relation) }
    /// The column list, empty when every column is published.
    public var columns: [String] {
        guard let table = raw.pointee.pubtable else { return [] }
        return nodes(table.pointee.n_columns, table.pointee.columns).compactMap(\.string)
    }
    public var rowFilter: Node? { view(raw.pointee.pubtable?.pointee.where_clause) }
    public var location: Int { Int(raw.pointee.location) }
}

extension DefElem {
    /// The option's value as text: `'insert, update'` gives `insert, update`,
    /// `true` gives `true`, `NO MAXVALUE` gives nil.
    public var argumentText: String? {
        guard let argument else { return nil }
        if let s = argument.string { return s }
        if let i = argument.integer { return String(i) }
        if argument.tag == PG_QUERY__NODE__NODE_FLOAT { return optionalString(argument.raw.pointee.float_.pointee.fval) }
        if argument.tag == PG_QUERY__NODE__NODE_BOOLEAN { return argument.raw.pointee.boolean.pointee.boolval != 0 ? "true" : "false" }
        if let type = argument.typeName { return type.names.joined(separator: ".") }
        if let list = argument.list { return list.compactMap(\.string).joined(separator: ".") }
        return nil
    }

    /// The option's value as name parts (`OWNED BY app.t.c`, `SEQUENCE NAME app.s`).
    public var argumentNames: [String] {
        guard let argument else { return [] }
        if let list = argument.list { return list.compactMap(\.string) }
        if let type = argument.typeName { return type.names }
        return argument.string.map { [$0] } ?? []
    }
}
