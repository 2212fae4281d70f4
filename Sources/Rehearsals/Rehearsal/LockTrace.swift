import PGClient
/// A relation-level lock this backend holds, as pg_locks reports it.
public struct HeldLock: Sendable, Hashable {
    public let relationID: String
    /// `schema.name`, or `relation <oid>` when it no longer has a name.
    public let relation: String
    public let kind: RelationKind
    /// pg_locks' mode, e.g. "AccessExclusiveLock".
    public let mode: String
    public let granted: Bool

    /// The mode as the LOCK statement and PostgreSQL's documentation spell it.
    public var modeName: String {
        var words: [String] = []
        var current = ""
        for character in mode.hasSuffix("Lock") ? String(mode.dropLast(4)) : mode {
            if character.isUppercase && !current.isEmpty { words.append(current); current = "" }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ").uppercased()
    }

    public enum Blocking: String, Sendable {
        case writes
        case readsAndWrites = "reads and writes"
    }

    /// What the mode stops the application doing on its table, from
    /// PostgreSQL's lock conflict table: SHARE and every stronger mode
    /// conflict with ROW EXCLUSIVE (INSERT, UPDATE, DELETE); only ACCESS
    /// EXCLUSIVE conflicts with ACCESS SHARE (SELECT).
    public var blocks: Blocking? {
        switch mode {
        case "AccessExclusiveLock": .readsAndWrites
        case "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock": .writes
        default: nil
        }
    }
}

public enum RelationKind: String, Sendable {
    case table, partitionedTable = "partitioned table", index, partitionedIndex = "partitioned index",
         sequence, view, materializedView = "materialized view", foreignTable = "foreign table",
         compositeType = "composite type", other

    init(relkind: String?) {
        switch relkind {
        case "r": self = .table
        case "p": self = .partitionedTable
        case "i": self = .index
        case "I": self = .partitionedIndex
        case "S": self = .sequence
        case "v": self = .view
        case "m": self = .materializedView
        case "f": self = .foreignTable
        case "c": self = .compositeType
        default: self = .other
        }
    }

    /// Kinds that hold rows the application reads and writes.
    public var isTable: Bool { self == .table || self == .partitionedTable || self == .materializedView }
}

/// Outside the system schemas: what a migration's author owns.
let userSchemaFilter = """
    n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' \
    AND n.nspname NOT LIKE 'pg\\_temp\\_%'
    """

/// The user relations that exist at one moment, by oid: the names of
/// relations a statement then drops, and which locked tables "existed
/// before the file".
struct RelationDirectory: Sendable {
    var relations: [String: (name: String, kind: RelationKind)] = [:]
    /// Partition oid -> its partitioned root's name: a partition's rows
    /// replicate as its root's do.
    var partitionRoots: [String: String] = [:]

    static func read(on connection: Connection) throws -> RelationDirectory {
        let rows = try connection.execute("""
            SELECT c.oid::text, n.nspname, c.relname, c.relkind::text, rn.nspname || '.' || r.relname
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_class r ON c.relispartition AND r.oid = pg_catalog.pg_partition_root(c.oid)
            LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
            WHERE \(userSchemaFilter)
            """).rows
        var directory = RelationDirectory()
        for row in rows {
            directory.relations[row[0] ?? ""] = ("\(row[1] ?? "").\(row[2] ?? "")", RelationKind(relkind: row[3]))
            if let root = row[4] { directory.partitionRoots[row[0] ?? ""] = root }
        }
        return directory
    }
}

/// The relfilenode of every user table: a statement that changes one has
/// rewritten that table.
struct TableFiles: Sendable {
    var files: [String: (name: String, file: String)] = [:]

    static func read(on connection: Connection) throws -> TableFiles {
        let rows = try connection.execute("""
            SELECT c.oid::text, n.nspname || '.' || c.relname, c.relfilenode::text
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'm') AND \(userSchemaFilter)
            """).rows
        var tables = TableFiles()
        for row in rows { tables.files[row[0] ?? ""] = (row[1] ?? "", row[2] ?? "") }
        return tables
    }

    /// Tables in both whose file changed, by name.
    func rewritten(in later: TableFiles) -> [String] {
        rewrittenIDs(in: later).compactMap { later.files[$0]?.name }.sorted()
    }

    /// Tables in both whose file changed, by oid.
    func rewrittenIDs(in later: TableFiles) -> [String] {
        files.compactMap { oid, before in
            guard let after = later.files[oid], after.file != before.file else { return nil }
            return oid
        }
    }
}

/// The relation locks this backend holds right now. System catalogues are
/// left out: every DDL statement writes them, and the snapshot query itself
/// takes ACCESS SHARE on pg_class and pg_namespace; reporting those would
/// bury the locks on the user's tables.
enum LockSnapshot {
    static func take(on connection: Connection, naming earlier: RelationDirectory) throws -> Set<HeldLock> {
        let rows = try connection.execute("""
            SELECT l.relation::text, n.nspname, c.relname, c.relkind::text, l.mode, l.granted::text
            FROM pg_catalog.pg_locks l
            LEFT JOIN pg_catalog.pg_class c ON c.oid = l.relation
            LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE l.locktype = 'relation' AND l.pid = pg_catalog.pg_backend_pid()
              AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
              AND (c.oid IS NULL OR (\(userSchemaFilter)))
            """).rows
        var locks = Set<HeldLock>()
        for row in rows {
            let oid = row[0] ?? ""
            let name: String, kind: RelationKind
            if let schema = row[1], let relation = row[2] {
                (name, kind) = ("\(schema).\(relation)", RelationKind(relkind: row[3]))
            } else if let known = earlier.relations[oid] {
                // Dropped by this transaction: pg_class no longer shows it to us.
                (name, kind) = known
            } else {
                (name, kind) = ("relation \(oid)", .other)
            }
            locks.insert(HeldLock(relationID: oid, relation: name, kind: kind, mode: row[4] ?? "", granted: row[5] == "true"))
        }
        return locks
    }
}
