import CPgQuery

extension Node {
    public var createTable: CreateTable? { tag == PG_QUERY__NODE__NODE_CREATE_STMT ? view(raw.pointee.create_stmt) : nil }
    public var alterTable: AlterTable? { tag == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT ? view(raw.pointee.alter_table_stmt) : nil }
    public var createIndex: CreateIndex? { tag == PG_QUERY__NODE__NODE_INDEX_STMT ? view(raw.pointee.index_stmt) : nil }
    public var drop: Drop? { tag == PG_QUERY__NODE__NODE_DROP_STMT ? view(raw.pointee.drop_stmt) : nil }
    public var rename: Rename? { tag == PG_QUERY__NODE__NODE_RENAME_STMT ? view(raw.pointee.rename_stmt) : nil }
    public var alterObjectSchema: AlterObjectSchema? {
        tag == PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT ? view(raw.pointee.alter_object_schema_stmt) : nil
    }
}

public struct CreateTable: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__CreateStmt>
    let tree: ParseTree
    public var relation: RangeVar { view(raw.pointee.relation)! }
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

public struct ColumnDef: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__ColumnDef>
    let tree: ParseTree
    public var name: String { string(raw.pointee.colname) }
    public var typeName: TypeName? { view(raw.pointee.type_name) }
    public var constraints: [Constraint] { nodes(raw.pointee.n_constraints, raw.pointee.constraints).compactMap(\.constraint) }
    public var location: Int { Int(raw.pointee.location) }
    public var isNotNull: Bool { raw.pointee.is_not_null != 0 || constraints.contains { $0.kind == .notNull || $0.kind == .primaryKey } }
    public var defaultExpression: Node? { constraints.first { $0.kind == .defaultValue }?.expression ?? view(raw.pointee.raw_default) }
}

public struct Constraint: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__Constraint>
    let tree: ParseTree
    public var kind: ConstraintKind { .init(raw.pointee.contype) }
    public var name: String? { optionalString(raw.pointee.conname) }
    public var expression: Node? { view(raw.pointee.raw_expr) }
    public var keys: [String] { nodes(raw.pointee.n_keys, raw.pointee.keys).compactMap(\.string) }
    /// `USING INDEX name` of `ADD PRIMARY KEY / UNIQUE USING INDEX`.
    public var indexName: String? { optionalString(raw.pointee.indexname) }
    public var referencedTable: RangeVar? { view(raw.pointee.pktable) }
    public var foreignKeyColumns: [String] { nodes(raw.pointee.n_fk_attrs, raw.pointee.fk_attrs).compactMap(\.string) }
    public var referencedColumns: [String] { nodes(raw.pointee.n_pk_attrs, raw.pointee.pk_attrs).compactMap(\.string) }
    /// `NOT VALID`.
    public var skipsValidation: Bool { raw.pointee.skip_validation != 0 }
    /// `GENERATED ALWAYS` / `BY DEFAULT` of an identity or generated column.
    public var generatedWhen: IdentityGeneration? { optionalString(raw.pointee.generated_when).flatMap(IdentityGeneration.init) }
    public var location: Int { Int(raw.pointee.location) }
}

public struct AlterTable: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__AlterTableStmt>
    let tree: ParseTree
    public var relation: RangeVar { view(raw.pointee.relation)! }
    public var commands: [AlterTableCommand] { nodes(raw.pointee.n_cmds, raw.pointee.cmds).compactMap(\.alterTableCommand) }
    /// TABLE, INDEX, SEQUENCE, VIEW, ... (`ALTER INDEX` parses as an AlterTableStmt too).
    public var objectKind: ObjectKind { .init(raw.pointee.objtype) }
    public var missingOK: Bool { raw.pointee.missing_ok != 0 }
}

public struct AlterTableCommand: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__AlterTableCmd>
    let tree: ParseTree
    public var action: AlterTableAction { .init(raw.pointee.subtype) }
    /// The column, constraint or trigger the command names.
    public var name: String? { optionalString(raw.pointee.name) }
    /// ColumnDef for ADD COLUMN / ALTER TYPE, Constraint for ADD CONSTRAINT,
    /// expression for SET DEFAULT, PartitionCmd, ReplicaIdentityStmt, ...
    public var definition: Node? { view(raw.pointee.def) }
    public var behavior: DropBehavior { .init(raw.pointee.behavior) }
    public var missingOK: Bool { raw.pointee.missing_ok != 0 }
    /// For REPLICA IDENTITY: the kind, and the index name for `USING INDEX`.
    public var replicaIdentity: (kind: ReplicaIdentityKind, index: String?)? {
        guard let def = raw.pointee.def, def.pointee.node_case == PG_QUERY__NODE__NODE_REPLICA_IDENTITY_STMT else { return nil }
        let stmt = def.pointee.replica_identity_stmt.pointee
        guard let kind = ReplicaIdentityKind(rawValue: string(stmt.identity_type)) else { return nil }
        return (kind, optionalString(stmt.name))
    }
    /// For ATTACH/DETACH PARTITION: the partition.
    public var partition: RangeVar? {
        guard let def = raw.pointee.def, def.pointee.node_case == PG_QUERY__NODE__NODE_PARTITION_CMD else { return nil }
        return view(def.pointee.partition_cmd.pointee.name)
    }
}

public struct CreateIndex: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__IndexStmt>
    let tree: ParseTree
    public var name: String? { optionalString(raw.pointee.idxname) }
    public var relation: RangeVar { view(raw.pointee.relation)! }
    public var elements: [IndexElem] { nodes(raw.pointee.n_index_params, raw.pointee.index_params).compactMap(\.indexElem) }
    public var isUnique: Bool { raw.pointee.unique != 0 }
    public var isConcurrent: Bool { raw.pointee.concurrent != 0 }
    public var whereClause: Node? { view(raw.pointee.where_clause) }
    public var ifNotExists: Bool { raw.pointee.if_not_exists != 0 }
}

public struct Drop: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__DropStmt>
    let tree: ParseTree
    public var objectKind: ObjectKind { .init(raw.pointee.remove_type) }
    /// Each dropped object's name parts (`["hbi", "hosts"]`); for a type, its TypeName's names.
    public var objects: [[String]] {
        nodes(raw.pointee.n_objects, raw.pointee.objects).map { object in
            if let list = object.list { return list.compactMap(\.string) }
            if let type = object.typeName { return type.names }
            if let s = object.string { return [s] }
            return []
        }
    }
    public var behavior: DropBehavior { .init(raw.pointee.behavior) }
    public var missingOK: Bool { raw.pointee.missing_ok != 0 }
    public var isConcurrent: Bool { raw.pointee.concurrent != 0 }
}

public struct Rename: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__RenameStmt>
    let tree: ParseTree
    /// What is renamed: TABLE, COLUMN, SCHEMA, tableConstraint, index, type...
    public var objectKind: ObjectKind { .init(raw.pointee.rename_type) }
    public var relationKind: ObjectKind { .init(raw.pointee.relation_type) }
    public var relation: RangeVar? { view(raw.pointee.relation) }
    /// The object's name parts for non-relation renames (schema, type, ...).
    public var object: Node? { view(raw.pointee.object) }
    /// The old column or constraint name, or the old schema name.
    public var oldName: String? { optionalString(raw.pointee.subname) }
    public var newName: String { string(raw.pointee.newname) }
}

public struct AlterObjectSchema: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__AlterObjectSchemaStmt>
    let tree: ParseTree
    public var objectKind: ObjectKind { .init(raw.pointee.object_type) }
    public var relation: RangeVar? { view(raw.pointee.relation) }
    public var object: Node? { view(raw.pointee.object) }
    public var newSchema: String { string(raw.pointee.newschema) }
}
