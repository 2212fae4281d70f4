import CPgQuery

extension Node {
    public var createTable: CreateTable? { tag == PG_QUERY__NODE__NODE_CREATE_STMT ? CreateTable(raw.pointee.create_stmt) : nil }
    public var alterTable: AlterTable? { tag == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT ? AlterTable(raw.pointee.alter_table_stmt) : nil }
    public var createIndex: CreateIndex? { tag == PG_QUERY__NODE__NODE_INDEX_STMT ? CreateIndex(raw.pointee.index_stmt) : nil }
    public var drop: Drop? { tag == PG_QUERY__NODE__NODE_DROP_STMT ? Drop(raw.pointee.drop_stmt) : nil }
    public var rename: Rename? { tag == PG_QUERY__NODE__NODE_RENAME_STMT ? Rename(raw.pointee.rename_stmt) : nil }
    public var alterObjectSchema: AlterObjectSchema? {
        tag == PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT ? AlterObjectSchema(raw.pointee.alter_object_schema_stmt) : nil
    }
}

public struct CreateTable: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__CreateStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__CreateStmt>) { self.raw = raw }
    public var relation: RangeVar { RangeVar(raw.pointee.relation) }
    /// Column definitions and table constraints, in order.
    public var elements: [Node] { nodes(raw.pointee.n_table_elts, raw.pointee.table_elts) }
    public var columns: [ColumnDef] { elements.compactMap(\.columnDef) }
    public var tableConstraints: [Constraint] { elements.compactMap(\.constraint) }
    public var inherits: [RangeVar] { nodes(raw.pointee.n_inh_relations, raw.pointee.inh_relations).compactMap(\.rangeVar) }
    /// `PARTITION OF parent` (the parent is `inherits[0]`).
    public var isPartition: Bool { raw.pointee.partbound != nil }
    /// `PARTITION BY ...`.
    public var isPartitioned: Bool { raw.pointee.partspec != nil }
    public var ifNotExists: Bool { raw.pointee.if_not_exists != 0 }
    public var isTemporary: Bool { string(raw.pointee.relation.pointee.relpersistence) == "t" }
}

public struct ColumnDef: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__ColumnDef>
    init(_ raw: UnsafeMutablePointer<PgQuery__ColumnDef>) { self.raw = raw }
    public var name: String { string(raw.pointee.colname) }
    public var typeName: TypeName? { raw.pointee.type_name.map(TypeName.init) }
    public var constraints: [Constraint] { nodes(raw.pointee.n_constraints, raw.pointee.constraints).compactMap(\.constraint) }
    public var location: Int { Int(raw.pointee.location) }
    public var isNotNull: Bool { raw.pointee.is_not_null != 0 || constraints.contains { $0.kind == .notNull || $0.kind == .primaryKey } }
    public var defaultExpression: Node? { constraints.first { $0.kind == .defaultValue }?.expression ?? raw.pointee.raw_default.map(Node.init) }
}

public struct Constraint: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__Constraint>
    init(_ raw: UnsafeMutablePointer<PgQuery__Constraint>) { self.raw = raw }
    public var kind: ConstraintKind { .from(raw.pointee.contype, default: .other) }
    public var name: String? { optionalString(raw.pointee.conname) }
    public var expression: Node? { raw.pointee.raw_expr.map(Node.init) }
    public var keys: [String] { nodes(raw.pointee.n_keys, raw.pointee.keys).compactMap(\.string) }
    /// `USING INDEX name` of `ADD PRIMARY KEY / UNIQUE USING INDEX`.
    public var indexName: String? { optionalString(raw.pointee.indexname) }
    public var referencedTable: RangeVar? { raw.pointee.pktable.map(RangeVar.init) }
    public var foreignKeyColumns: [String] { nodes(raw.pointee.n_fk_attrs, raw.pointee.fk_attrs).compactMap(\.string) }
    public var referencedColumns: [String] { nodes(raw.pointee.n_pk_attrs, raw.pointee.pk_attrs).compactMap(\.string) }
    /// `NOT VALID`.
    public var skipsValidation: Bool { raw.pointee.skip_validation != 0 }
    /// `GENERATED ALWAYS` / `BY DEFAULT` for identity ("a" / "d").
    public var generatedWhen: String? { optionalString(raw.pointee.generated_when) }
    public var location: Int { Int(raw.pointee.location) }
}

public struct AlterTable: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__AlterTableStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__AlterTableStmt>) { self.raw = raw }
    public var relation: RangeVar { RangeVar(raw.pointee.relation) }
    public var commands: [AlterTableCommand] { nodes(raw.pointee.n_cmds, raw.pointee.cmds).compactMap(\.alterTableCommand) }
    /// TABLE, INDEX, SEQUENCE, VIEW, ... (`ALTER INDEX` parses as an AlterTableStmt too).
    public var objectKind: ObjectKind { .from(raw.pointee.objtype, default: .other) }
    public var missingOK: Bool { raw.pointee.missing_ok != 0 }
}

public struct AlterTableCommand: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__AlterTableCmd>
    init(_ raw: UnsafeMutablePointer<PgQuery__AlterTableCmd>) { self.raw = raw }
    public var action: AlterTableAction { .from(raw.pointee.subtype, default: .other) }
    /// The column, constraint or trigger the command names.
    public var name: String? { optionalString(raw.pointee.name) }
    /// ColumnDef for ADD COLUMN / ALTER TYPE, Constraint for ADD CONSTRAINT,
    /// expression for SET DEFAULT, PartitionCmd, ReplicaIdentityStmt, ...
    public var definition: Node? { raw.pointee.def.map(Node.init) }
    public var behavior: DropBehavior { .from(raw.pointee.behavior, default: .unspecified) }
    public var missingOK: Bool { raw.pointee.missing_ok != 0 }
    /// For REPLICA IDENTITY: "d", "f", "n" or "i" (with the index name).
    public var replicaIdentity: (kind: String, index: String?)? {
        guard let def = raw.pointee.def, def.pointee.node_case == PG_QUERY__NODE__NODE_REPLICA_IDENTITY_STMT else { return nil }
        let stmt = def.pointee.replica_identity_stmt.pointee
        return (string(stmt.identity_type), optionalString(stmt.name))
    }
    /// For ATTACH/DETACH PARTITION: the partition.
    public var partition: RangeVar? {
        guard let def = raw.pointee.def, def.pointee.node_case == PG_QUERY__NODE__NODE_PARTITION_CMD else { return nil }
        return def.pointee.partition_cmd.pointee.name.map(RangeVar.init)
    }
}

public struct CreateIndex: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__IndexStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__IndexStmt>) { self.raw = raw }
    public var name: String? { optionalString(raw.pointee.idxname) }
    public var relation: RangeVar { RangeVar(raw.pointee.relation) }
    public var elements: [IndexElem] { nodes(raw.pointee.n_index_params, raw.pointee.index_params).compactMap(\.indexElem) }
    public var isUnique: Bool { raw.pointee.unique != 0 }
    public var isConcurrent: Bool { raw.pointee.concurrent != 0 }
    public var whereClause: Node? { raw.pointee.where_clause.map(Node.init) }
    public var ifNotExists: Bool { raw.pointee.if_not_exists != 0 }
}

public struct Drop: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__DropStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__DropStmt>) { self.raw = raw }
    public var objectKind: ObjectKind { .from(raw.pointee.remove_type, default: .other) }
    /// Each dropped object's name parts (`["hbi", "hosts"]`); for a type, its TypeName's names.
    public var objects: [[String]] {
        nodes(raw.pointee.n_objects, raw.pointee.objects).map { object in
            if let list = object.list { return list.compactMap(\.string) }
            if object.tag == PG_QUERY__NODE__NODE_TYPE_NAME { return TypeName(object.raw.pointee.type_name).names }
            if let s = object.string { return [s] }
            return []
        }
    }
    public var behavior: DropBehavior { .from(raw.pointee.behavior, default: .unspecified) }
    public var missingOK: Bool { raw.pointee.missing_ok != 0 }
    public var isConcurrent: Bool { raw.pointee.concurrent != 0 }
}

public struct Rename: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__RenameStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__RenameStmt>) { self.raw = raw }
    /// What is renamed: TABLE, COLUMN, SCHEMA, tableConstraint, index, type...
    public var objectKind: ObjectKind { .from(raw.pointee.rename_type, default: .other) }
    public var relationKind: ObjectKind { .from(raw.pointee.relation_type, default: .other) }
    public var relation: RangeVar? { raw.pointee.relation.map(RangeVar.init) }
    /// The object's name parts for non-relation renames (schema, type, ...).
    public var object: Node? { raw.pointee.object.map(Node.init) }
    /// The old column or constraint name, or the old schema name.
    public var oldName: String? { optionalString(raw.pointee.subname) }
    public var newName: String { string(raw.pointee.newname) }
}

public struct AlterObjectSchema: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__AlterObjectSchemaStmt>
    init(_ raw: UnsafeMutablePointer<PgQuery__AlterObjectSchemaStmt>) { self.raw = raw }
    public var objectKind: ObjectKind { .from(raw.pointee.object_type, default: .other) }
    public var relation: RangeVar? { raw.pointee.relation.map(RangeVar.init) }
    public var object: Node? { raw.pointee.object.map(Node.init) }
    public var newSchema: String { string(raw.pointee.newschema) }
}
