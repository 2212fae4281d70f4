import CPgQuery

// The statement details the lock rules read beyond the DDL views.

extension Node {
    /// `LOCK [TABLE] name [, ...] [IN mode MODE]`.
    public var lockTable: LockTable? { tag == PG_QUERY__NODE__NODE_LOCK_STMT ? view(raw.pointee.lock_stmt) : nil }
}

public struct LockTable: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__LockStmt>
    let tree: ParseTree
    public var relations: [RangeVar] { nodes(raw.pointee.n_relations, raw.pointee.relations).compactMap(\.rangeVar) }
    /// PostgreSQL's LOCKMODE number: 1 ACCESS SHARE ... 8 ACCESS EXCLUSIVE (the default).
    public var mode: Int { Int(raw.pointee.mode) }
    public var isAccessExclusive: Bool { mode == 8 }
}

extension CreateTable {
    /// `USING method`: the table access method; nil for the default.
    public var accessMethod: String? { optionalString(raw.pointee.access_method) }
}

extension Constraint {
    /// `EXCLUDE USING method`: the index method of an exclusion constraint.
    public var indexMethod: String? { optionalString(raw.pointee.access_method) }
}

extension Insert {
    /// The tables the INSERT's query reads (`INSERT ... SELECT ... FROM t`),
    /// subqueries included; empty for VALUES of constants.
    public var sourceRelations: [RangeVar] {
        guard let select = raw.pointee.select_stmt else { return [] }
        return Node(raw: select, tree: tree).subtree().compactMap(\.rangeVar)
    }
}
