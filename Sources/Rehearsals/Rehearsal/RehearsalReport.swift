/// What one rehearsal of one file showed: per statement its duration, tag,
/// rows and the locks it took; the failure, if any; and whether the rollback
/// left the catalogue as it found it.
public struct RehearsalReport: Sendable {
    public enum Target: String, Sendable {
        /// A cluster replint started and throws away.
        case ephemeralCluster = "ephemeral cluster"
        /// The database `--database-url` names: one transaction, rolled back.
        case database
    }

    public enum Execution: String, Sendable {
        /// Ran inside the rehearsal's transaction, rolled back at the end.
        case rolledBack = "rolled back"
        /// Ran and committed on the throwaway cluster: an autocommit block, or
        /// a transaction an autocommit block after it depends on.
        case committed
        /// Ran without CONCURRENTLY inside the transaction; rolled back.
        case inTransactionForm = "in-transaction form"
        /// Not run: it cannot run inside a transaction and has no form that can.
        case notRehearsable = "not rehearsable in a transaction"
    }

    /// A lock a statement took, with what makes it matter.
    public struct TracedLock: Sendable, Hashable {
        public let lock: HeldLock
        /// The relation existed before the file started.
        public let existedBefore: Bool
        /// A configured or published (replicated) table.
        public let replicated: Bool

        /// ACCESS EXCLUSIVE or SHARE on a table that existed before the file:
        /// the statement stalls the application for as long as it runs.
        public var flagged: Bool { existedBefore && lock.kind.isTable && lock.blocksTraffic }
    }

    public struct StatementRecord: Sendable {
        public let line: Int
        public let column: Int
        public let head: String
        public var execution: Execution
        /// The statement the server rejected (the report's `failure`).
        public var failed = false
        public var durationMilliseconds: Double?
        public var commandTag: String?
        public var rows: Int?
        /// Locks held after the statement that were not held before it.
        public var locks: [TracedLock] = []
        /// False when the statement ran outside a transaction, whose locks
        /// are gone by the time it returns.
        public var locksTraced: Bool
        public var notes: [String] = []
        /// NOTICE and WARNING messages the server sent while it ran.
        public var notices: [String] = []
    }

    public struct Failure: Sendable {
        public let line: Int
        public let column: Int
        public let head: String
        /// nil when the file was refused before it reached the server.
        public let sqlstate: String?
        public let message: String
        public let detail: String?
        public let hint: String?
        /// The line the server's error position points at, inside the statement.
        public let errorLine: Int?
    }

    /// The catalogue fingerprint before a rolled-back part and after its rollback.
    public struct RollbackCheck: Sendable {
        /// What was rolled back and compared, in words.
        public let scope: String
        public let before: CatalogFingerprint
        public let after: CatalogFingerprint
        public var unchanged: Bool { before == after }
    }

    public let path: String
    public let target: Target
    public let strict: Bool
    public var serverVersion: String?
    /// The baseline or seed could not be loaded, or the database reached: exit 2.
    public var setupError: String?
    public var setupNotes: [String] = []
    public var statements: [StatementRecord] = []
    public var failure: Failure?
    public var rollback: RollbackCheck?
    public var notes: [String] = []

    public init(path: String, target: Target, strict: Bool) {
        self.path = path
        self.target = target
        self.strict = strict
    }

    public var notRehearsable: [StatementRecord] { statements.filter { $0.execution == .notRehearsable } }

    /// DESIGN.md's codes: 2 when the rehearsal could not be set up; 1 when a
    /// statement failed, the rollback left a difference, or (with --strict)
    /// something could not be rehearsed; else 0.
    public var exitCode: Int32 {
        if setupError != nil { return 2 }
        if failure != nil { return 1 }
        if let rollback, !rollback.unchanged { return 1 }
        if strict && !notRehearsable.isEmpty { return 1 }
        return 0
    }
}
