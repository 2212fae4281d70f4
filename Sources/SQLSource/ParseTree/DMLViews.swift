import CPgQuery

extension Node {
    public var insert: Insert? { tag == PG_QUERY__NODE__NODE_INSERT_STMT ? view(raw.pointee.insert_stmt) : nil }
    public var update: Update? { tag == PG_QUERY__NODE__NODE_UPDATE_STMT ? view(raw.pointee.update_stmt) : nil }
    public var delete: Delete? { tag == PG_QUERY__NODE__NODE_DELETE_STMT ? view(raw.pointee.delete_stmt) : nil }
    public var merge: Merge? { tag == PG_QUERY__NODE__NODE_MERGE_STMT ? view(raw.pointee.merge_stmt) : nil }
    public var truncate: Truncate? { tag == PG_QUERY__NODE__NODE_TRUNCATE_STMT ? view(raw.pointee.truncate_stmt) : nil }
    public var isSelect: Bool { tag == PG_QUERY__NODE__NODE_SELECT_STMT }
    public var transaction: Transaction? { tag == PG_QUERY__NODE__NODE_TRANSACTION_STMT ? view(raw.pointee.transaction_stmt) : nil }
    public var variableSet: VariableSet? { tag == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT ? view(raw.pointee.variable_set_stmt) : nil }
}

public struct Insert: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__InsertStmt>
    let tree: ParseTree
    public var relation: RangeVar { view(raw.pointee.relation)! }
    public var columns: [String] { nodes(raw.pointee.n_cols, raw.pointee.cols).compactMap { $0.resTarget?.name } }
    public var hasOnConflict: Bool { raw.pointee.on_conflict_clause != nil }
}

public struct Update: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__UpdateStmt>
    let tree: ParseTree
    public var relation: RangeVar { view(raw.pointee.relation)! }
    public var whereClause: Node? { view(raw.pointee.where_clause) }
    public var targets: [ResTarget] { nodes(raw.pointee.n_target_list, raw.pointee.target_list).compactMap(\.resTarget) }
}

public struct Delete: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__DeleteStmt>
    let tree: ParseTree
    public var relation: RangeVar { view(raw.pointee.relation)! }
    public var whereClause: Node? { view(raw.pointee.where_clause) }
}

public struct Merge: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__MergeStmt>
    let tree: ParseTree
    public var relation: RangeVar { view(raw.pointee.relation)! }
}

public struct Truncate: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__TruncateStmt>
    let tree: ParseTree
    public var relations: [RangeVar] { nodes(raw.pointee.n_relations, raw.pointee.relations).compactMap(\.rangeVar) }
    public var behavior: DropBehavior { .init(raw.pointee.behavior) }
}

public struct Transaction: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__TransactionStmt>
    let tree: ParseTree
    public var kind: TransactionKind { .init(raw.pointee.kind) }
}

/// `SET name = ...`, `SET LOCAL`, `RESET`.
public struct VariableSet: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__VariableSetStmt>
    let tree: ParseTree
    public var name: String { string(raw.pointee.name) }
    public var arguments: [Node] { nodes(raw.pointee.n_args, raw.pointee.args) }
    public var isLocal: Bool { raw.pointee.is_local != 0 }
}

extension Truncate {
    /// `RESTART IDENTITY`.
    public var restartsIdentity: Bool { raw.pointee.restart_seqs != 0 }
}
