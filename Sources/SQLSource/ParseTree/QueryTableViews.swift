import CPgQuery

// Statements that fill a relation from a query or from COPY data: the
// model needs the relation they make, the rules the table they write.

extension Node {
    /// `CREATE TABLE ... AS`, `CREATE MATERIALIZED VIEW ... AS` and
    /// `SELECT ... INTO`: where the query's rows go.
    public var queryTable: QueryTable? {
        if tag == PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT {
            let create = raw.pointee.create_table_as_stmt.pointee
            guard let into = create.into, into.pointee.rel != nil else { return nil }
            return QueryTable(raw: into, tree: tree, query: view(create.query),
                              isMaterializedView: ObjectKind(create.objtype) == .materializedView,
                              ifNotExists: create.if_not_exists != 0)
        }
        if tag == PG_QUERY__NODE__NODE_SELECT_STMT, let into = raw.pointee.select_stmt.pointee.into_clause, into.pointee.rel != nil {
            return QueryTable(raw: into, tree: tree, query: self, isMaterializedView: false, ifNotExists: false)
        }
        return nil
    }

    public var copy: Copy? { tag == PG_QUERY__NODE__NODE_COPY_STMT ? view(raw.pointee.copy_stmt) : nil }
}

public struct QueryTable: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__IntoClause>
    let tree: ParseTree
    /// The query (a SELECT, or EXECUTE for `CREATE TABLE ... AS EXECUTE`).
    public private(set) var query: Node?
    public private(set) var isMaterializedView = false
    public private(set) var ifNotExists = false

    init(raw: UnsafeMutablePointer<PgQuery__IntoClause>, tree: ParseTree) {
        self.raw = raw
        self.tree = tree
    }

    init(raw: UnsafeMutablePointer<PgQuery__IntoClause>, tree: ParseTree, query: Node?, isMaterializedView: Bool, ifNotExists: Bool) {
        self.init(raw: raw, tree: tree)
        self.query = query
        self.isMaterializedView = isMaterializedView
        self.ifNotExists = ifNotExists
    }

    public var relation: RangeVar { view(raw.pointee.rel)! }
    public var isTemporary: Bool { string(raw.pointee.rel.pointee.relpersistence) == "t" }
    public var isUnlogged: Bool { string(raw.pointee.rel.pointee.relpersistence) == "u" }
    /// `CREATE TABLE t (a, b) AS ...`: the names given to the query's columns.
    public var columnNames: [String] { nodes(raw.pointee.n_col_names, raw.pointee.col_names).compactMap(\.string) }

    /// The names the query's output columns get, as PostgreSQL names them
    /// (`AS` aliases, else a column reference's last name, else `?column?`);
    /// nil when a `*` makes them depend on other tables.
    public var queryColumnNames: [String]? {
        guard let select = query, select.tag == PG_QUERY__NODE__NODE_SELECT_STMT else { return nil }
        let s = select.raw.pointee.select_stmt.pointee
        var names: [String] = []
        for target in nodes(s.n_target_list, s.target_list).compactMap(\.resTarget) {
            if let name = target.name { names.append(name); continue }
            if let ref = target.value?.columnRef {
                guard let last = ref.last, last != "*" else { return nil }
                names.append(last)
            } else if let call = target.value?.functionCall {
                names.append(call.name.last ?? "?column?")
            } else {
                names.append("?column?")
            }
        }
        return names.isEmpty ? nil : names
    }
}

/// `COPY table [(columns)] FROM ... | TO ...`.
public struct Copy: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__CopyStmt>
    let tree: ParseTree
    /// nil for `COPY (query) TO ...`.
    public var relation: RangeVar? { view(raw.pointee.relation) }
    public var isFrom: Bool { raw.pointee.is_from != 0 }
    /// `FROM stdin` (or `TO stdout`): the data travels with the statement.
    public var isStandardStream: Bool { raw.pointee.is_program == 0 && optionalString(raw.pointee.filename) == nil }
}

extension Rename {
    /// `ALTER TABLE IF EXISTS ... RENAME ...`.
    public var missingOK: Bool { raw.pointee.missing_ok != 0 }
}
