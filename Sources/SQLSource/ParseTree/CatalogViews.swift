import CPgQuery

// Views over the statements that define catalogue objects other than tables:
// schemas, types, sequences, triggers, functions, domains, views.

extension Node {
    public var createSchema: CreateSchema? { tag == PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT ? view(raw.pointee.create_schema_stmt) : nil }
    public var createEnum: CreateEnum? { tag == PG_QUERY__NODE__NODE_CREATE_ENUM_STMT ? view(raw.pointee.create_enum_stmt) : nil }
    public var alterEnum: AlterEnum? { tag == PG_QUERY__NODE__NODE_ALTER_ENUM_STMT ? view(raw.pointee.alter_enum_stmt) : nil }
    public var createCompositeType: CreateCompositeType? {
        tag == PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT ? view(raw.pointee.composite_type_stmt) : nil
    }
    public var createSequence: CreateSequence? { tag == PG_QUERY__NODE__NODE_CREATE_SEQ_STMT ? view(raw.pointee.create_seq_stmt) : nil }
    public var alterSequence: AlterSequence? { tag == PG_QUERY__NODE__NODE_ALTER_SEQ_STMT ? view(raw.pointee.alter_seq_stmt) : nil }
    public var createTrigger: CreateTrigger? { tag == PG_QUERY__NODE__NODE_CREATE_TRIG_STMT ? view(raw.pointee.create_trig_stmt) : nil }
    public var createFunction: CreateFunction? {
        tag == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT ? view(raw.pointee.create_function_stmt) : nil
    }
    public var createDomain: CreateDomain? { tag == PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT ? view(raw.pointee.create_domain_stmt) : nil }
    public var alterDomain: AlterDomain? { tag == PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT ? view(raw.pointee.alter_domain_stmt) : nil }
    /// `CREATE VIEW`: its name only (views are relations a migration may alter or drop).
    public var createdView: RangeVar? {
        tag == PG_QUERY__NODE__NODE_VIEW_STMT ? view(raw.pointee.view_stmt.pointee.view) : nil
    }
    /// `CREATE MATERIALIZED VIEW` / `CREATE TABLE AS` / `SELECT ... INTO`: the relation it creates.
    public var createdByQuery: (relation: RangeVar, isMaterializedView: Bool)? {
        if tag == PG_QUERY__NODE__NODE_SELECT_STMT {
            // The raw parse keeps SELECT INTO a SELECT; PostgreSQL runs it as CREATE TABLE AS.
            guard let rel = raw.pointee.select_stmt.pointee.into_clause?.pointee.rel else { return nil }
            return (RangeVar(raw: rel, tree: tree), false)
        }
        guard tag == PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT, let into = raw.pointee.create_table_as_stmt.pointee.into,
              let rel = into.pointee.rel else { return nil }
        let kind = ObjectKind(raw.pointee.create_table_as_stmt.pointee.objtype)
        return (RangeVar(raw: rel, tree: tree), kind == .materializedView)
    }
    /// The target list of a plain `SELECT` without FROM (pg_dump's `SELECT pg_catalog.set_config(...)`).
    public var selectTargets: [Node]? {
        guard tag == PG_QUERY__NODE__NODE_SELECT_STMT, raw.pointee.select_stmt.pointee.n_from_clause == 0 else { return nil }
        let select = raw.pointee.select_stmt.pointee
        return nodes(select.n_target_list, select.target_list).compactMap { $0.resTarget?.value }
    }
    /// Name parts of an object reference, however the parser spelled it:
    /// a list of strings, a string, a type name, or a function with arguments.
    public var nameParts: [String] {
        if let list { return list.compactMap(\.string) }
        if let string { return [string] }
        if let typeName { return typeName.names }
        if tag == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS {
            let o = raw.pointee.object_with_args.pointee
            return nodes(o.n_objname, o.objname).compactMap(\.string)
        }
        return []
    }
}

public struct CreateSchema: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__CreateSchemaStmt>
    let tree: ParseTree
    /// nil for `CREATE SCHEMA AUTHORIZATION role` (the schema is named after the role).
    public var name: String? { optionalString(raw.pointee.schemaname) }
    public var authorizationRole: String? { raw.pointee.authrole.flatMap { optionalString($0.pointee.rolename) } }
    /// Statements embedded in `CREATE SCHEMA s CREATE TABLE ...`.
    public var elements: [Node] { nodes(raw.pointee.n_schema_elts, raw.pointee.schema_elts) }
    public var ifNotExists: Bool { raw.pointee.if_not_exists != 0 }
}

public struct CreateEnum: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__CreateEnumStmt>
    let tree: ParseTree
    public var names: [String] { nodes(raw.pointee.n_type_name, raw.pointee.type_name).compactMap(\.string) }
    public var labels: [String] { nodes(raw.pointee.n_vals, raw.pointee.vals).compactMap(\.string) }
}

/// `ALTER TYPE t ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'n']` or `RENAME VALUE 'a' TO 'b'`.
public struct AlterEnum: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__AlterEnumStmt>
    let tree: ParseTree
    public var names: [String] { nodes(raw.pointee.n_type_name, raw.pointee.type_name).compactMap(\.string) }
    /// Set for RENAME VALUE only.
    public var oldLabel: String? { optionalString(raw.pointee.old_val) }
    public var newLabel: String { string(raw.pointee.new_val) }
    public var neighbor: String? { optionalString(raw.pointee.new_val_neighbor) }
    public var isAfterNeighbor: Bool { raw.pointee.new_val_is_after != 0 }
    public var ifNotExists: Bool { raw.pointee.skip_if_new_val_exists != 0 }
}

public struct CreateCompositeType: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__CompositeTypeStmt>
    let tree: ParseTree
    public var relation: RangeVar { view(raw.pointee.typevar)! }
}

public struct CreateSequence: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__CreateSeqStmt>
    let tree: ParseTree
    public var relation: RangeVar { view(raw.pointee.sequence)! }
    public var options: [DefElem] { nodes(raw.pointee.n_options, raw.pointee.options).compactMap(\.defElem) }
    public var ifNotExists: Bool { raw.pointee.if_not_exists != 0 }
}

public struct AlterSequence: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__AlterSeqStmt>
    let tree: ParseTree
    public var relation: RangeVar { view(raw.pointee.sequence)! }
    public var options: [DefElem] { nodes(raw.pointee.n_options, raw.pointee.options).compactMap(\.defElem) }
    public var missingOK: Bool { raw.pointee.missing_ok != 0 }
}

public struct CreateTrigger: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__CreateTrigStmt>
    let tree: ParseTree
    public var name: String { string(raw.pointee.trigname) }
    public var relation: RangeVar { view(raw.pointee.relation)! }
    public var functionName: [String] { nodes(raw.pointee.n_funcname, raw.pointee.funcname).compactMap(\.string) }
    public var isForEachRow: Bool { raw.pointee.row != 0 }
    public var isConstraintTrigger: Bool { raw.pointee.isconstraint != 0 }
    public var replacesExisting: Bool { raw.pointee.replace != 0 }
    /// PostgreSQL's TRIGGER_TYPE bits: 2 BEFORE, 64 INSTEAD OF, neither AFTER.
    public var timing: Int { Int(raw.pointee.timing) }
    /// TRIGGER_TYPE bits: 4 INSERT, 8 DELETE, 16 UPDATE, 32 TRUNCATE.
    public var events: Int { Int(raw.pointee.events) }
}

public struct CreateFunction: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__CreateFunctionStmt>
    let tree: ParseTree
    public var name: [String] { nodes(raw.pointee.n_funcname, raw.pointee.funcname).compactMap(\.string) }
    public var isProcedure: Bool { raw.pointee.is_procedure != 0 }
    public var replacesExisting: Bool { raw.pointee.replace != 0 }
    public var returnType: TypeName? { view(raw.pointee.return_type) }
    /// LANGUAGE, VOLATILE/STABLE/IMMUTABLE (`volatility`), AS, ...
    public var options: [DefElem] { nodes(raw.pointee.n_options, raw.pointee.options).compactMap(\.defElem) }
    public var parameterTypes: [TypeName] {
        nodes(raw.pointee.n_parameters, raw.pointee.parameters).compactMap { node in
            guard node.tag == PG_QUERY__NODE__NODE_FUNCTION_PARAMETER else { return nil }
            return view(node.raw.pointee.function_parameter.pointee.arg_type)
        }
    }
}

public struct CreateDomain: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__CreateDomainStmt>
    let tree: ParseTree
    public var names: [String] { nodes(raw.pointee.n_domainname, raw.pointee.domainname).compactMap(\.string) }
    public var baseType: TypeName? { view(raw.pointee.type_name) }
    public var constraints: [Constraint] { nodes(raw.pointee.n_constraints, raw.pointee.constraints).compactMap(\.constraint) }
}

public struct AlterDomain: ParseTreeView, @unchecked Sendable {
    public enum Action: String, Sendable {
        case setDefault = "T", dropNotNull = "N", setNotNull = "O", addConstraint = "C"
        case dropConstraint = "X", validateConstraint = "V"
    }

    let raw: UnsafeMutablePointer<PgQuery__AlterDomainStmt>
    let tree: ParseTree
    public var action: Action? { Action(rawValue: string(raw.pointee.subtype)) }
    public var names: [String] { nodes(raw.pointee.n_type_name, raw.pointee.type_name).compactMap(\.string) }
    /// The constraint named by DROP/VALIDATE CONSTRAINT.
    public var constraintName: String? { optionalString(raw.pointee.name) }
    /// The new default or the added constraint.
    public var definition: Node? { view(raw.pointee.def) }
}

extension CreateTable {
    /// `PARTITION BY <strategy>`.
    public var partitionStrategy: PartitionStrategy? {
        raw.pointee.partspec.flatMap { optionalString($0.pointee.strategy) }.flatMap(PartitionStrategy.init)
    }
    public var partitionBound: PartitionBound? { view(raw.pointee.partbound) }
    /// `CREATE TABLE t OF type`.
    public var ofType: TypeName? { view(raw.pointee.of_typename) }
    public var isUnlogged: Bool { string(raw.pointee.relation.pointee.relpersistence) == "u" }
}

extension AlterTableCommand {
    /// For ATTACH PARTITION: `FOR VALUES ...` or DEFAULT.
    public var partitionBound: PartitionBound? {
        guard let def = raw.pointee.def, def.pointee.node_case == PG_QUERY__NODE__NODE_PARTITION_CMD else { return nil }
        return view(def.pointee.partition_cmd.pointee.bound)
    }
}

/// `FOR VALUES FROM (...) TO (...)`, `IN (...)`, `WITH (MODULUS m, REMAINDER r)` or `DEFAULT`.
public struct PartitionBound: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__PartitionBoundSpec>
    let tree: ParseTree
    public var isDefault: Bool { raw.pointee.is_default != 0 }
    public var modulus: Int { Int(raw.pointee.modulus) }
    public var remainder: Int { Int(raw.pointee.remainder) }
    public var listValues: [Node] { nodes(raw.pointee.n_listdatums, raw.pointee.listdatums) }
    public var lowerValues: [Node] { nodes(raw.pointee.n_lowerdatums, raw.pointee.lowerdatums) }
    public var upperValues: [Node] { nodes(raw.pointee.n_upperdatums, raw.pointee.upperdatums) }
}

extension Constraint {
    /// `GENERATED ... AS IDENTITY (SEQUENCE NAME s ...)` options, FK and index options.
    public var options: [DefElem] { nodes(raw.pointee.n_options, raw.pointee.options).compactMap(\.defElem) }
    public var isDeferrable: Bool { raw.pointee.deferrable != 0 }
    /// The partial predicate of an EXCLUDE constraint.
    public var whereClause: Node? { view(raw.pointee.where_clause) }
    /// A foreign key's `ON DELETE` action (nil on other constraints).
    public var onDelete: ForeignKeyAction? { optionalString(raw.pointee.fk_del_action).flatMap(ForeignKeyAction.init) }
    public var onUpdate: ForeignKeyAction? { optionalString(raw.pointee.fk_upd_action).flatMap(ForeignKeyAction.init) }
    public var includedColumns: [String] { nodes(raw.pointee.n_including, raw.pointee.including).compactMap(\.string) }
    public var isNoInherit: Bool { raw.pointee.is_no_inherit != 0 }
}

extension CreateIndex {
    public var isPrimary: Bool { raw.pointee.primary != 0 }
    public var accessMethod: String? { optionalString(raw.pointee.access_method) }
    public var includedColumns: [String] {
        nodes(raw.pointee.n_index_including_params, raw.pointee.index_including_params).compactMap { $0.indexElem?.column }
    }
}

extension Drop {
    /// The dropped objects' name parts when they are functions (`DROP FUNCTION f(int)`).
    public var objectNameParts: [[String]] { nodes(raw.pointee.n_objects, raw.pointee.objects).map(\.nameParts) }
}
