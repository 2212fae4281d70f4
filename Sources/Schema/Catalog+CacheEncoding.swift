// How each model type is written to the cache: fields in declaration order.

extension Table.Kind: CacheCodableEnum {}
extension Identity: CacheCodableEnum {}
extension Volatility: CacheCodableEnum {}
extension TableConstraint.Kind: CacheCodableEnum {}
extension Trigger.State: CacheCodableEnum {}
extension OtherRelationKind: CacheCodableEnum {}

extension QualifiedName: CacheCodable {
    func write(to w: inout ByteWriter) { w.write(schema); w.write(name) }
    init(from r: inout ByteReader) throws(ByteReader.Malformed) { self.init(try r.readString(), try r.readString()) }
}

extension Catalog: CacheCodable {
    func write(to w: inout ByteWriter) {
        schemas.write(to: &w); tables.write(to: &w); indexes.write(to: &w); otherRelations.write(to: &w)
        enums.write(to: &w); sequences.write(to: &w); functions.write(to: &w); domains.write(to: &w)
        publications.write(to: &w); extensions.write(to: &w)
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init()
        schemas = try .init(from: &r); tables = try .init(from: &r); indexes = try .init(from: &r)
        otherRelations = try .init(from: &r); enums = try .init(from: &r); sequences = try .init(from: &r)
        functions = try .init(from: &r); domains = try .init(from: &r); publications = try .init(from: &r)
        extensions = try .init(from: &r)
    }
}

extension Table: CacheCodable {
    func write(to w: inout ByteWriter) {
        name.write(to: &w); kind.write(to: &w); parent.write(to: &w); partitionBound.write(to: &w)
        partitionStrategy.write(to: &w); columns.write(to: &w); constraints.write(to: &w); triggers.write(to: &w)
        replicaIdentity.write(to: &w); w.write(isUnlogged); w.write(rowLevelSecurity); accessMethod.write(to: &w)
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(name: try .init(from: &r))
        kind = try .init(from: &r); parent = try .init(from: &r); partitionBound = try .init(from: &r)
        partitionStrategy = try .init(from: &r); columns = try .init(from: &r); constraints = try .init(from: &r)
        triggers = try .init(from: &r); replicaIdentity = try .init(from: &r)
        isUnlogged = try r.readBool(); rowLevelSecurity = try r.readBool(); accessMethod = try .init(from: &r)
    }
}

extension Column: CacheCodable {
    func write(to w: inout ByteWriter) {
        w.write(name); w.write(declaredType); w.write(typeName); w.write(isNotNull)
        defaultValue.write(to: &w); identity.write(to: &w); generatedExpression.write(to: &w)
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(name: try r.readString(), declaredType: try r.readString(), typeName: try r.readString())
        isNotNull = try r.readBool(); defaultValue = try .init(from: &r); identity = try .init(from: &r)
        generatedExpression = try .init(from: &r)
    }
}

extension ColumnDefault: CacheCodable {
    func write(to w: inout ByteWriter) {
        w.write(expression); volatility.write(to: &w); constantValue.write(to: &w); w.write(isNullConstant)
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(expression: try r.readString(), volatility: try .init(from: &r), constantValue: try .init(from: &r))
        isNullConstant = try r.readBool()
    }
}

extension TableConstraint: CacheCodable {
    func write(to w: inout ByteWriter) {
        w.write(name); kind.write(to: &w); columns.write(to: &w); expression.write(to: &w)
        referencedTable.write(to: &w); referencedColumns.write(to: &w); w.write(isValidated); onDelete.write(to: &w)
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(name: try r.readString(), kind: try .init(from: &r))
        columns = try .init(from: &r); expression = try .init(from: &r); referencedTable = try .init(from: &r)
        referencedColumns = try .init(from: &r); isValidated = try r.readBool(); onDelete = try .init(from: &r)
    }
}

extension ReplicaIdentity: CacheCodable {
    func write(to w: inout ByteWriter) {
        switch self {
        case .default: w.write(0)
        case .full: w.write(1)
        case .nothing: w.write(2)
        case .index(let name): w.write(3); w.write(name)
        }
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        switch try r.readInt() {
        case 0: self = .default
        case 1: self = .full
        case 2: self = .nothing
        case 3: self = .index(try r.readString())
        default: throw ByteReader.Malformed()
        }
    }
}

extension Trigger: CacheCodable {
    func write(to w: inout ByteWriter) {
        w.write(name); function.write(to: &w); state.write(to: &w); w.write(isForEachRow); w.write(isConstraintTrigger)
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(name: try r.readString())
        function = try .init(from: &r); state = try .init(from: &r)
        isForEachRow = try r.readBool(); isConstraintTrigger = try r.readBool()
    }
}

extension Index: CacheCodable {
    func write(to w: inout ByteWriter) {
        name.write(to: &w); table.write(to: &w); columns.write(to: &w); w.write(isUnique)
        constraintName.write(to: &w); predicate.write(to: &w); w.write(method); expressionColumns.write(to: &w)
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(name: try .init(from: &r), table: try .init(from: &r), columns: try .init(from: &r))
        isUnique = try r.readBool(); constraintName = try .init(from: &r); predicate = try .init(from: &r)
        method = try r.readString(); expressionColumns = try .init(from: &r)
    }
}

extension EnumType: CacheCodable {
    func write(to w: inout ByteWriter) { name.write(to: &w); labels.write(to: &w) }
    init(from r: inout ByteReader) throws(ByteReader.Malformed) { self.init(name: try .init(from: &r), labels: try .init(from: &r)) }
}

extension ColumnReference: CacheCodable {
    func write(to w: inout ByteWriter) { table.write(to: &w); w.write(column) }
    init(from r: inout ByteReader) throws(ByteReader.Malformed) { self.init(table: try .init(from: &r), column: try r.readString()) }
}

extension Sequence: CacheCodable {
    func write(to w: inout ByteWriter) { name.write(to: &w); w.write(dataType); ownedBy.write(to: &w) }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(name: try .init(from: &r))
        dataType = try r.readString(); ownedBy = try .init(from: &r)
    }
}

extension Function: CacheCodable {
    func write(to w: inout ByteWriter) {
        name.write(to: &w); argumentTypes.write(to: &w); volatility.write(to: &w); returnType.write(to: &w)
        w.write(isProcedure); language.write(to: &w)
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(name: try .init(from: &r), argumentTypes: try .init(from: &r))
        volatility = try .init(from: &r); returnType = try .init(from: &r); isProcedure = try r.readBool()
        language = try .init(from: &r)
    }
}

extension Domain: CacheCodable {
    func write(to w: inout ByteWriter) {
        name.write(to: &w); w.write(baseType); w.write(isNotNull); defaultValue.write(to: &w); checks.write(to: &w)
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(name: try .init(from: &r), baseType: try r.readString())
        isNotNull = try r.readBool(); defaultValue = try .init(from: &r); checks = try .init(from: &r)
    }
}

extension Publication: CacheCodable {
    func write(to w: inout ByteWriter) {
        w.write(name); w.write(allTables); schemas.write(to: &w); tables.write(to: &w); actions.write(to: &w)
        w.write(viaPartitionRoot)
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(name: try r.readString())
        allTables = try r.readBool(); schemas = try .init(from: &r); tables = try .init(from: &r)
        actions = try .init(from: &r); viaPartitionRoot = try r.readBool()
    }
}

extension PublishedTable: CacheCodable {
    func write(to w: inout ByteWriter) {
        table.write(to: &w); columns.write(to: &w); rowFilter.write(to: &w); rowFilterColumns.write(to: &w)
    }

    init(from r: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(table: try .init(from: &r), columns: try .init(from: &r), rowFilter: try .init(from: &r),
                  rowFilterColumns: try .init(from: &r))
    }
}
