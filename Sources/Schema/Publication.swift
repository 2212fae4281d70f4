/// A publication: what it publishes and how.
public struct Publication: Sendable, Equatable, Codable {
    public var name: String
    public var allTables = false
    /// `TABLES IN SCHEMA ...`.
    public var schemas: [String] = []
    /// `TABLE ...`, in the order they were added.
    public var tables: [PublishedTable] = []
    /// The `publish` option: insert, update, delete, truncate (all by default).
    public var actions: [String] = Publication.allActions
    public var viaPartitionRoot = false

    public static let allActions = ["insert", "update", "delete", "truncate"]

    public init(name: String) { self.name = name }

    public func entry(for table: QualifiedName) -> PublishedTable? { tables.first { $0.table == table } }
}

public struct PublishedTable: Sendable, Equatable, Codable {
    public var table: QualifiedName
    /// The column list; nil publishes every column.
    public var columns: [String]?
    /// The row filter (`WHERE ...`), deparsed.
    public var rowFilter: String?
    /// The columns the row filter reads.
    public var rowFilterColumns: [String] = []

    public init(table: QualifiedName, columns: [String]? = nil, rowFilter: String? = nil, rowFilterColumns: [String] = []) {
        self.table = table
        self.columns = columns
        self.rowFilter = rowFilter
        self.rowFilterColumns = rowFilterColumns
    }
}

/// One publication that publishes a table, and how: directly, through its
/// schema, through FOR ALL TABLES, or through a partitioned ancestor.
public struct PublicationMembership: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case listed, schema, allTables
        /// A partitioned ancestor is published (listed or by schema).
        case ancestor(QualifiedName)
    }

    public var publication: String
    public var reason: Reason
    /// nil: every column.
    public var columns: [String]?
    public var rowFilter: String?
    public var rowFilterColumns: [String]
    public var actions: [String]
    public var viaPartitionRoot: Bool
}
