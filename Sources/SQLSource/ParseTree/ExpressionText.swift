import CPgQuery

extension Node {
    /// The expression written back as SQL by libpg_query's deparser
    /// (`now()`, `'draft'::app.order_status`, `(insights_id <> '0'::uuid)`).
    /// The source text is not used because an expression's end is not
    /// recorded in the tree, and because deparsed text is normalised: two
    /// spellings of one expression read the same.
    public var sqlText: String? {
        // The deparser only takes whole statements, so the expression is
        // wrapped in `SELECT <expr>` built around the existing node (no copy)
        // and the keyword is cut off again.
        let target = UnsafeMutablePointer<PgQuery__ResTarget>.allocate(capacity: 1)
        let targetNode = UnsafeMutablePointer<PgQuery__Node>.allocate(capacity: 1)
        let targetList = UnsafeMutablePointer<UnsafeMutablePointer<PgQuery__Node>?>.allocate(capacity: 1)
        let select = UnsafeMutablePointer<PgQuery__SelectStmt>.allocate(capacity: 1)
        let selectNode = UnsafeMutablePointer<PgQuery__Node>.allocate(capacity: 1)
        let rawStatement = UnsafeMutablePointer<PgQuery__RawStmt>.allocate(capacity: 1)
        let statements = UnsafeMutablePointer<UnsafeMutablePointer<PgQuery__RawStmt>?>.allocate(capacity: 1)
        let result = UnsafeMutablePointer<PgQuery__ParseResult>.allocate(capacity: 1)
        defer {
            target.deallocate(); targetNode.deallocate(); targetList.deallocate(); select.deallocate()
            selectNode.deallocate(); rawStatement.deallocate(); statements.deallocate(); result.deallocate()
        }
        pg_query__res_target__init(target)
        target.pointee.val = raw
        pg_query__node__init(targetNode)
        targetNode.pointee.node_case = PG_QUERY__NODE__NODE_RES_TARGET
        targetNode.pointee.res_target = target
        targetList[0] = targetNode
        pg_query__select_stmt__init(select)
        select.pointee.n_target_list = 1
        select.pointee.target_list = targetList
        select.pointee.op = PG_QUERY__SET_OPERATION__SETOP_NONE
        select.pointee.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT
        pg_query__node__init(selectNode)
        selectNode.pointee.node_case = PG_QUERY__NODE__NODE_SELECT_STMT
        selectNode.pointee.select_stmt = select
        pg_query__raw_stmt__init(rawStatement)
        rawStatement.pointee.stmt = selectNode
        statements[0] = rawStatement
        pg_query__parse_result__init(result)
        result.pointee.version = PG_VERSION_NUM
        result.pointee.n_stmts = 1
        result.pointee.stmts = statements

        let size = pg_query__parse_result__get_packed_size(result)
        var buffer = [UInt8](repeating: 0, count: size)
        _ = buffer.withUnsafeMutableBufferPointer { pg_query__parse_result__pack(result, $0.baseAddress) }
        let deparsed = buffer.withUnsafeMutableBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: size) {
                pg_query_deparse_protobuf(PgQueryProtobuf(len: size, data: $0))
            }
        }
        defer { pg_query_free_deparse_result(deparsed) }
        guard deparsed.error == nil, let query = deparsed.query else { return nil }
        let text = String(cString: query)
        return text.hasPrefix("SELECT ") ? String(text.dropFirst(7)) : text
    }

    /// Column names the expression refers to (the last part of each reference).
    public var referencedColumns: [String] {
        var seen: [String] = []
        for node in subtree() {
            guard let parts = node.columnRef, let last = parts.last, last != "*", !seen.contains(last) else { continue }
            seen.append(last)
        }
        return seen
    }

    /// Which SQL value function this is (`CURRENT_TIMESTAMP`, `CURRENT_USER`, ...).
    public var sqlValueFunction: SQLValueFunctionKind? {
        guard tag == PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION else { return nil }
        return .init(raw.pointee.sqlvalue_function.pointee.op)
    }

    public var typeName: TypeName? { tag == PG_QUERY__NODE__NODE_TYPE_NAME ? view(raw.pointee.type_name) : nil }

    /// A sub-select, `(SELECT ...)`.
    public var isSubquery: Bool { tag == PG_QUERY__NODE__NODE_SUB_LINK }
}
