import CPgQuery

extension Node {
    public var insert: Insert? { tag == PG_QUERY__NODE__NODE_INSERT_STMT ? Insert(raw.pointee.insert_stmt) : nil }
    public var update: Update? { tag == PG_QUERY__NODE__NODE_UPDATE_STMT ? Update(raw.pointee.update_stmt) : nil }
    public var delete: Delete? { tag == PG_QUERY__NODE__NODE_DELETE_STMT ? Delete(raw.pointee.delete_stmt) : nil }
    public var merge: Merge? { tag == PG_QUERY__NODE__NODE_MERGE_STMT ? Merge(raw.pointee.merge_stmt) : nil }
    public var truncate: Truncate? { tag == PG_QUERY__NODE__NODE_TRUNCATE_STMT ? Truncate(raw.pointee.truncate_stmt) : nil }
    public var isSelect: Bool { tag == PG_QUERY__NODE__NODE_SELECT_STMT }
    public var transaction: Transaction? { tag == PG_QUERY__NODE__NODE_TRANSACTION_STMT ? Transaction(raw.pointee.transaction_stmt) : nil }
    public var variableSet: VariableSet? { tag == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT ? VariableSet(raw.pointee.variable_set_stmt) : nil }
}

public struct Insert: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__InsertStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__InsertStmt>) { self.raw = raw }
    public var relation: RangeVar { RangeVar(raw.pointee.relation) }
    public var columns: [String] { nodes(raw.pointee.n_cols, raw.pointee.cols).compactMap { $0.resTarget?.name } }
    public var hasOnConflict: Bool { raw.pointee.on_conflict_clause != nil }
}

public struct Update: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__UpdateStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__UpdateStmt>) { self.raw = raw }
    public var relation: RangeVar { RangeVar(raw.pointee.relation) }
    public var whereClause: Node? { raw.pointee.where_clause.map(Node.init) }
    public var targets: [ResTarget] { nodes(raw.pointee.n_target_list, raw.pointee.target_list).compactMap(\.resTarget) }
}

public struct Delete: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__DeleteStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__DeleteStmt>) { self.raw = raw }
    public var relation: RangeVar { RangeVar(raw.pointee.relation) }
    public var whereClause: Node? { raw.pointee.where_clause.map(Node.init) }
}

public struct Merge: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__MergeStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__MergeStmt>) { self.raw = raw }
    public var relation: RangeVar { RangeVar(raw.pointee.relation) }
}

public struct Truncate: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__TruncateStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__TruncateStmt>) { self.raw = raw }
    public var relations: [RangeVar] { nodes(raw.pointee.n_relations, raw.pointee.relations).compactMap(\.rangeVar) }
    public var behavior: DropBehavior { .from(raw.pointee.behavior, default: .unspecified) }
}

public struct Transaction: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__TransactionStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__TransactionStmt>) { self.raw = raw }
    public var kind: TransactionKind { .from(raw.pointee.kind, default: .other) }
}

/// `SET name = ...`, `SET LOCAL`, `RESET`.
public struct VariableSet: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__VariableSetStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__VariableSetStmt>) { self.raw = raw }
    public var name: String { string(raw.pointee.name) }
    public var arguments: [Node] { nodes(raw.pointee.n_args, raw.pointee.args) }
    public var isLocal: Bool { raw.pointee.is_local != 0 }
}

extension Truncate {
    /// `RESTART IDENTITY`.
    public var restartsIdentity: Bool { raw.pointee.restart_seqs != 0 }
}
