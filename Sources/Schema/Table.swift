/// A table as the catalogue knows it: plain, partitioned, or a partition.
public struct Table: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case plain, partitioned
    }

    public var name: QualifiedName
    public var kind: Kind = .plain
    /// The partitioned table this one is attached to, if any.
    public var parent: QualifiedName?
    /// `FOR VALUES ...` / `DEFAULT` of a partition, deparsed.
    public var partitionBound: String?
    /// `range`, `list` or `hash` for a partitioned table.
    public var partitionStrategy: String?
    public var columns: [Column] = []
    public var constraints: [TableConstraint] = []
    public var triggers: [Trigger] = []
    public var replicaIdentity: ReplicaIdentity = .default
    public var isUnlogged = false
    public var rowLevelSecurity = false
    /// `USING method` / `SET ACCESS METHOD method`; nil: the default (`heap`).
    public var accessMethod: String?

    public init(name: QualifiedName) { self.name = name }

    public var isPartition: Bool { parent != nil }

    public func column(named name: String) -> Column? { columns.first { $0.name == name } }

    public var primaryKey: TableConstraint? { constraints.first { $0.kind == .primaryKey } }

    mutating func updateColumn(_ name: String, _ change: (inout Column) -> Void) -> Bool {
        guard let i = columns.firstIndex(where: { $0.name == name }) else { return false }
        change(&columns[i])
        return true
    }
}

public struct Column: Sendable, Equatable, Codable {
    public var name: String
    /// The type in PostgreSQL's own spelling, as pg_dump writes it:
    /// `character varying(36)`, `timestamp with time zone`, `app.order_status`.
    public var declaredType: String
    /// The normalised type: `varchar(36)`, `int4`, `timestamptz`, `app.order_status`, `text[]`.
    public var typeName: String
    public var isNotNull = false
    public var defaultValue: ColumnDefault?
    public var identity: Identity?
    /// `GENERATED ALWAYS AS (expr) STORED`: the expression.
    public var generatedExpression: String?

    public init(name: String, declaredType: String, typeName: String) {
        self.name = name
        self.declaredType = declaredType
        self.typeName = typeName
    }

    /// True when an INSERT that leaves the column out gets a value anyway.
    public var hasDefault: Bool { defaultValue != nil || identity != nil || generatedExpression != nil }

    /// How an omitted value is computed: an identity draws from a sequence,
    /// so it is volatile like `serial`'s `nextval()`; nil without a default.
    public var defaultVolatility: Volatility? {
        if identity != nil { return .volatile }
        return defaultValue?.volatility
    }
}

public enum Identity: String, Sendable, Codable {
    case always = "always"
    case byDefault = "by default"
}

/// PostgreSQL's volatility classes, in increasing order of surprise.
public enum Volatility: String, Sendable, Comparable, Codable {
    case immutable, stable, volatile

    private var rank: Int { self == .immutable ? 0 : self == .stable ? 1 : 2 }
    public static func < (a: Volatility, b: Volatility) -> Bool { a.rank < b.rank }
}

public struct ColumnDefault: Sendable, Equatable, Codable {
    /// The expression, deparsed (`now()`, `'draft'::app.order_status`).
    public var expression: String
    public var volatility: Volatility
    /// The literal's value when the default is a constant or a cast of one
    /// (`'{}'::jsonb` gives `{}`); nil otherwise.
    public var constantValue: String?
    public var isNullConstant = false

    public init(expression: String, volatility: Volatility, constantValue: String? = nil) {
        self.expression = expression
        self.volatility = volatility
        self.constantValue = constantValue
    }
}

public struct TableConstraint: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case primaryKey = "primary key", unique, check, foreignKey = "foreign key", exclusion
    }

    public var name: String
    public var kind: Kind
    public var columns: [String] = []
    /// CHECK expression, deparsed.
    public var expression: String?
    public var referencedTable: QualifiedName?
    public var referencedColumns: [String] = []
    /// False for `NOT VALID` until `VALIDATE CONSTRAINT`.
    public var isValidated = true
    public var onDelete: String?

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

public enum ReplicaIdentity: Sendable, Equatable, Codable, CustomStringConvertible {
    case `default`, full, nothing
    case index(String)

    public var description: String {
        switch self {
        case .default: "default"
        case .full: "full"
        case .nothing: "nothing"
        case .index(let name): "using index \(quoteIdentifier(name))"
        }
    }
}

public struct Trigger: Sendable, Equatable, Codable {
    /// `ALTER TABLE ... ENABLE/DISABLE [REPLICA|ALWAYS] TRIGGER`: whether it
    /// fires in a normal session (origin), only in the apply worker
    /// (replica), in both (always), or never (disabled).
    public enum State: String, Sendable, Codable {
        case enabled, disabled, replica, always
    }

    public var name: String
    public var function: QualifiedName?
    public var state: State = .enabled
    public var isForEachRow = false
    public var isConstraintTrigger = false

    public init(name: String) { self.name = name }
}

public struct Index: Sendable, Equatable, Codable {
    public var name: QualifiedName
    public var table: QualifiedName
    /// Column names; an expression element is its deparsed text in parentheses.
    public var columns: [String]
    public var isUnique = false
    /// Made by a PRIMARY KEY or UNIQUE constraint of that name.
    public var constraintName: String?
    /// `WHERE ...` of a partial index, deparsed.
    public var predicate: String?
    public var method = "btree"
    /// Columns read by expression elements and the predicate: dropping one drops the index.
    public var expressionColumns: [String] = []

    public init(name: QualifiedName, table: QualifiedName, columns: [String]) {
        self.name = name
        self.table = table
        self.columns = columns
    }

    public var isPartial: Bool { predicate != nil }
    public var hasExpressions: Bool { columns.contains { $0.hasPrefix("(") } }

    /// Every column the index depends on.
    public var dependsOn: [String] { columns.filter { !$0.hasPrefix("(") } + expressionColumns }
}
