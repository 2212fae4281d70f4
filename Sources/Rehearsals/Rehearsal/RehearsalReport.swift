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
        /// The sum of the durations of the statements from the one that took
        /// the lock to the last of its transaction: locks last until the
        /// transaction ends, not only while their statement runs.
        public var heldMilliseconds: Double?
        /// The line of the last statement of that transaction.
        public var heldThroughLine: Int?

        /// What the application cannot do to a table that existed before
        /// the file while the lock is held; nil when the lock stalls nothing.
        public var blocks: HeldLock.Blocking? { existedBefore && lock.kind.isTable ? lock.blocks : nil }

        public var flagged: Bool { blocks != nil }
    }

    /// A traffic-blocking lock with the statement that took it: what a lock
    /// rule's prediction is matched against.
    public struct BlockingLock: Sendable, Equatable {
        public let line: Int
        public let relation: String
        /// As PostgreSQL's documentation spells it, e.g. "SHARE ROW EXCLUSIVE".
        public let mode: String
        public let blocks: HeldLock.Blocking
        public let heldMilliseconds: Double?
        public let heldThroughLine: Int?
        public let replicated: Bool
    }

    public struct StatementRecord: Sendable {
        public let line: Int
        public let column: Int
        /// The statement's bytes in the file: what lint findings on it point into.
        public let range: Range<Int>
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
        /// Tables whose relfilenode the statement changed: PostgreSQL wrote
        /// them anew (every row copied) while holding the statement's lock.
        public var rewrote: [String] = []
        /// The partitioned tables whose partitions it rewrote.
        public var rewrotePartitionsOf: [String] = []
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
    /// What was loaded before the file, and why; nil when the rehearsal
    /// stopped before it could tell.
    public var baseline: RehearsalBaseline?
    public var statements: [StatementRecord] = []
    public var failure: Failure?
    public var rollback: RollbackCheck?
    public var notes: [String] = []
    /// The signal (SIGINT, SIGTERM) that stopped the rehearsal, and the line
    /// that was running; what stopping its server caused is no failure.
    public private(set) var interruptedBy: Int32?
    public private(set) var interruptedLine: Int?

    public init(path: String, target: Target, strict: Bool) {
        self.path = path
        self.target = target
        self.strict = strict
    }

    public var notRehearsable: [StatementRecord] { statements.filter { $0.execution == .notRehearsable } }

    public var blockingLocks: [BlockingLock] {
        statements.flatMap { record in
            record.locks.compactMap { traced in
                traced.blocks.map {
                    BlockingLock(line: record.line, relation: traced.lock.relation, mode: traced.lock.modeName, blocks: $0,
                                 heldMilliseconds: traced.heldMilliseconds, heldThroughLine: traced.heldThroughLine,
                                 replicated: traced.replicated)
                }
            }
        }
    }

    mutating func interrupted(by signal: Int32) {
        interruptedBy = signal
        if let running = statements.lastIndex(where: \.failed) {
            statements[running].failed = false
            statements[running].notes.append("interrupted while it ran: stopped, not failed")
            interruptedLine = statements[running].line
        }
        failure = nil
        setupError = nil
    }

    /// DESIGN.md's codes: 128 + the signal after an interruption; 2 when the rehearsal could not be set up; 1 when a
    /// statement failed, the rollback left a difference, or (with --strict)
    /// something could not be rehearsed; else 0.
    public var exitCode: Int32 {
        if let interruptedBy { return 128 + interruptedBy }
        if setupError != nil { return 2 }
        if failure != nil { return 1 }
        if let rollback, !rollback.unchanged { return 1 }
        if strict && !notRehearsable.isEmpty { return 1 }
        return 0
    }
}
