/// Types, sequences, functions and domains: what column types, defaults and
/// triggers refer to.
public struct EnumType: Sendable, Equatable, Codable {
    public var name: QualifiedName
    public var labels: [String]

    public init(name: QualifiedName, labels: [String]) {
        self.name = name
        self.labels = labels
    }
}

public struct Sequence: Sendable, Equatable, Codable {
    public var name: QualifiedName
    /// `int8` unless `AS type` says otherwise.
    public var dataType = "int8"
    /// `OWNED BY table.column` (serial and identity columns own theirs).
    public var ownedBy: ColumnReference?

    public init(name: QualifiedName) { self.name = name }
}

public struct Function: Sendable, Equatable, Codable {
    public var name: QualifiedName
    /// Normalised argument types (`int4`, `app.orders`).
    public var argumentTypes: [String]
    public var volatility: Volatility = .volatile
    public var returnType: String?
    public var isProcedure = false
    public var language: String?

    public init(name: QualifiedName, argumentTypes: [String]) {
        self.name = name
        self.argumentTypes = argumentTypes
    }
}

public struct Domain: Sendable, Equatable, Codable {
    public var name: QualifiedName
    /// The normalised base type.
    public var baseType: String
    public var isNotNull = false
    public var defaultValue: ColumnDefault?
    public var checks: [String: String] = [:]

    public init(name: QualifiedName, baseType: String) {
        self.name = name
        self.baseType = baseType
    }
}

/// A view, materialized view or composite type: relations and types the
/// model knows by name only, so that statements on them are not mistaken
/// for statements on unknown tables.
public enum OtherRelationKind: String, Sendable, Codable {
    case view, materializedView = "materialized view", compositeType = "composite type", foreignTable = "foreign table"
}

public struct ColumnReference: Sendable, Equatable, Codable {
    public var table: QualifiedName
    public var column: String

    public init(table: QualifiedName, column: String) {
        self.table = table
        self.column = column
    }
}
