import CPgQuery

// Typed views over the node kinds replint reads. Each is a pointer into a
// `ParseTree` and a reference that keeps the tree alive (`ParseTreeView`);
// property names follow PostgreSQL's own.

extension Node {
    public var rangeVar: RangeVar? { tag == PG_QUERY__NODE__NODE_RANGE_VAR ? view(raw.pointee.range_var) : nil }
    public var string: String? { tag == PG_QUERY__NODE__NODE_STRING ? optionalString(raw.pointee.string.pointee.sval) : nil }
    public var integer: Int? { tag == PG_QUERY__NODE__NODE_INTEGER ? Int(raw.pointee.integer.pointee.ival) : nil }
    public var list: [Node]? { tag == PG_QUERY__NODE__NODE_LIST ? nodes(raw.pointee.list.pointee.n_items, raw.pointee.list.pointee.items) : nil }
    public var constant: Constant? { tag == PG_QUERY__NODE__NODE_A_CONST ? view(raw.pointee.a_const) : nil }
    public var typeCast: TypeCast? { tag == PG_QUERY__NODE__NODE_TYPE_CAST ? view(raw.pointee.type_cast) : nil }
    public var functionCall: FunctionCall? { tag == PG_QUERY__NODE__NODE_FUNC_CALL ? view(raw.pointee.func_call) : nil }
    public var columnRef: [String]? {
        guard tag == PG_QUERY__NODE__NODE_COLUMN_REF else { return nil }
        let ref = raw.pointee.column_ref.pointee
        return nodes(ref.n_fields, ref.fields).map { $0.string ?? "*" }
    }
    /// `CURRENT_TIMESTAMP`, `CURRENT_USER` and the like.
    public var isSQLValueFunction: Bool { tag == PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION }
    public var columnDef: ColumnDef? { tag == PG_QUERY__NODE__NODE_COLUMN_DEF ? view(raw.pointee.column_def) : nil }
    public var constraint: Constraint? { tag == PG_QUERY__NODE__NODE_CONSTRAINT ? view(raw.pointee.constraint) : nil }
    public var alterTableCommand: AlterTableCommand? { tag == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD ? view(raw.pointee.alter_table_cmd) : nil }
    public var defElem: DefElem? { tag == PG_QUERY__NODE__NODE_DEF_ELEM ? view(raw.pointee.def_elem) : nil }
    public var resTarget: ResTarget? { tag == PG_QUERY__NODE__NODE_RES_TARGET ? view(raw.pointee.res_target) : nil }
    public var indexElem: IndexElem? { tag == PG_QUERY__NODE__NODE_INDEX_ELEM ? view(raw.pointee.index_elem) : nil }
    public var location: Int? {
        switch tag {
        case PG_QUERY__NODE__NODE_RANGE_VAR: return Int(raw.pointee.range_var.pointee.location)
        case PG_QUERY__NODE__NODE_A_CONST: return Int(raw.pointee.a_const.pointee.location)
        case PG_QUERY__NODE__NODE_FUNC_CALL: return Int(raw.pointee.func_call.pointee.location)
        case PG_QUERY__NODE__NODE_COLUMN_REF: return Int(raw.pointee.column_ref.pointee.location)
        case PG_QUERY__NODE__NODE_COLUMN_DEF: return Int(raw.pointee.column_def.pointee.location)
        case PG_QUERY__NODE__NODE_CONSTRAINT: return Int(raw.pointee.constraint.pointee.location)
        case PG_QUERY__NODE__NODE_TYPE_CAST: return Int(raw.pointee.type_cast.pointee.location)
        case PG_QUERY__NODE__NODE_DEF_ELEM: return Int(raw.pointee.def_elem.pointee.location)
        case PG_QUERY__NODE__NODE_RES_TARGET: return Int(raw.pointee.res_target.pointee.location)
        default: return nil
        }
    }
}

/// A possibly qualified relation name, as written.
public struct RangeVar: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__RangeVar>
    let tree: ParseTree
    public var schema: String? { optionalString(raw.pointee.schemaname) }
    public var name: String { string(raw.pointee.relname) }
    /// False for `ONLY t`.
    public var inherited: Bool { raw.pointee.inh != 0 }
    public var location: Int { Int(raw.pointee.location) }
    /// `schema.name` as written, without quotes.
    public var qualifiedName: String { schema.map { "\($0).\(name)" } ?? name }
}

public struct Constant: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__AConst>
    let tree: ParseTree
    public var isNull: Bool { raw.pointee.isnull != 0 }
    public var location: Int { Int(raw.pointee.location) }
    /// The literal's text: the string's content, the number's digits, `true`/`false`.
    public var text: String? {
        let c = raw.pointee
        switch c.val_case {
        case PG_QUERY__A__CONST__VAL_IVAL: return String(c.ival.pointee.ival)
        case PG_QUERY__A__CONST__VAL_FVAL: return optionalString(c.fval.pointee.fval)
        case PG_QUERY__A__CONST__VAL_BOOLVAL: return c.boolval.pointee.boolval != 0 ? "true" : "false"
        case PG_QUERY__A__CONST__VAL_SVAL: return string(c.sval.pointee.sval)
        case PG_QUERY__A__CONST__VAL_BSVAL: return optionalString(c.bsval.pointee.bsval)
        default: return nil
        }
    }
}

public struct TypeName: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__TypeName>
    let tree: ParseTree
    /// Name parts as the parser keeps them: `pg_catalog.int4` for `integer`.
    public var names: [String] { nodes(raw.pointee.n_names, raw.pointee.names).compactMap(\.string) }
    public var modifiers: [Node] { nodes(raw.pointee.n_typmods, raw.pointee.typmods) }
    public var arrayBounds: [Int] { nodes(raw.pointee.n_array_bounds, raw.pointee.array_bounds).map { $0.integer ?? -1 } }
    public var isArray: Bool { raw.pointee.n_array_bounds > 0 }
    public var location: Int { Int(raw.pointee.location) }
}

public struct TypeCast: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__TypeCast>
    let tree: ParseTree
    public var argument: Node? { view(raw.pointee.arg) }
    public var typeName: TypeName? { view(raw.pointee.type_name) }
}

public struct FunctionCall: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__FuncCall>
    let tree: ParseTree
    /// Name parts, e.g. `["pg_catalog", "setval"]` or `["now"]`.
    public var name: [String] { nodes(raw.pointee.n_funcname, raw.pointee.funcname).compactMap(\.string) }
    public var arguments: [Node] { nodes(raw.pointee.n_args, raw.pointee.args) }
    public var location: Int { Int(raw.pointee.location) }
}

public struct DefElem: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__DefElem>
    let tree: ParseTree
    public var name: String { string(raw.pointee.defname) }
    public var argument: Node? { view(raw.pointee.arg) }
    /// The option read as PostgreSQL's `defGetBoolean` reads it: no argument is
    /// true; `true/false/on/off` (any case) and 1/0; nil for anything else.
    public var booleanValue: Bool? {
        guard let argument else { return true }
        switch (argument.string ?? argument.constant?.text)?.lowercased() {
        case "true", "on", "1": return true
        case "false", "off", "0": return false
        default: return nil
        }
    }
}

public struct ResTarget: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__ResTarget>
    let tree: ParseTree
    public var name: String? { optionalString(raw.pointee.name) }
    public var value: Node? { view(raw.pointee.val) }
}

public struct IndexElem: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__IndexElem>
    let tree: ParseTree
    /// The column, or nil for an expression.
    public var column: String? { optionalString(raw.pointee.name) }
    public var expression: Node? { view(raw.pointee.expr) }
}
