import CPgQuery

/// REINDEX, VACUUM and CLUSTER: the maintenance commands whose locks a
/// migration can stall on, read as the lock rules need them.
extension Node {
    public var reindex: Reindex? { tag == PG_QUERY__NODE__NODE_REINDEX_STMT ? view(raw.pointee.reindex_stmt) : nil }
    public var vacuum: Vacuum? { tag == PG_QUERY__NODE__NODE_VACUUM_STMT ? view(raw.pointee.vacuum_stmt) : nil }
    public var cluster: Cluster? { tag == PG_QUERY__NODE__NODE_CLUSTER_STMT ? view(raw.pointee.cluster_stmt) : nil }
}

public struct Reindex: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__ReindexStmt>
    let tree: ParseTree
    /// REINDEX INDEX (else TABLE, SCHEMA, ...).
    public var isIndex: Bool { raw.pointee.kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX }
    public var isTable: Bool { raw.pointee.kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE }
    /// The index or table of REINDEX INDEX / TABLE.
    public var relation: RangeVar? { view(raw.pointee.relation) }
    public var isConcurrent: Bool {
        nodes(raw.pointee.n_params, raw.pointee.params).compactMap(\.defElem)
            .contains { $0.name == "concurrently" && $0.booleanValue != false }
    }
}

public struct Vacuum: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__VacuumStmt>
    let tree: ParseTree
    public var isVacuum: Bool { raw.pointee.is_vacuumcmd != 0 }
    /// VACUUM FULL (or `VACUUM (FULL)`): a rewrite under ACCESS EXCLUSIVE.
    public var isFull: Bool {
        nodes(raw.pointee.n_options, raw.pointee.options).compactMap(\.defElem).contains { $0.name == "full" && $0.booleanValue != false }
    }
    public var relations: [RangeVar] {
        nodes(raw.pointee.n_rels, raw.pointee.rels).compactMap { node in
            node.tag == PG_QUERY__NODE__NODE_VACUUM_RELATION ? node.view(node.raw.pointee.vacuum_relation.pointee.relation) : nil
        }
    }
}

public struct Cluster: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__ClusterStmt>
    let tree: ParseTree
    public var relation: RangeVar? { view(raw.pointee.relation) }
}

extension AlterTableCommand {
    /// DETACH PARTITION ... CONCURRENTLY.
    public var isConcurrentPartitionCommand: Bool {
        guard let def = raw.pointee.def, def.pointee.node_case == PG_QUERY__NODE__NODE_PARTITION_CMD else { return false }
        return def.pointee.partition_cmd.pointee.concurrent != 0
    }
}
