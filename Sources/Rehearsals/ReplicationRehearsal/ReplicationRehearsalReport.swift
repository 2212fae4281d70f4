import Lint
import PGServers

/// What `replint rehearse --replication` found: per phase what was applied
/// and sent, and every problem in PostgreSQL's own words, beside the lint
/// findings those problems confirm.
public struct ReplicationRehearsalReport: Sendable {
    public struct Problem: Sendable, Equatable {
        public enum Kind: String, Sendable {
            /// A statement of the file failed on the side it was applied to.
            case statementFailed = "statement-failed"
            /// The publisher refused the traffic: e.g. an UPDATE without a replica identity.
            case publisherError = "publisher-error"
            /// The subscriber's apply worker stopped on a change.
            case applyError = "apply-error"
            case catchUpTimeout = "catch-up-timeout"
            /// The pair stopped answering mid-rehearsal.
            case pairFailed = "pair-failed"
            /// The two sides hold different rows for a replicated table.
            case divergence
            /// Written on the publisher, never sent: a column outside the
            /// publication's column list. Reported, not a failure.
            case notReplicated = "not-replicated"

            /// Whether the problem fails the rehearsal.
            public var breaks: Bool { self != .notReplicated }
        }

        public var kind: Kind
        public var side: ReplicationPair.Side
        public var message: String
        public var detail: String?
        /// The exact log line, for apply errors.
        public var logLine: String?
        public var table: String?
        /// The file lines the problem is tied to; empty when it cannot be.
        public var lines: [Int]
    }

    public struct AppliedStatement: Sendable, Equatable {
        public var line: Int
        public var head: String
        public var commandTag: String
        public var milliseconds: Double
        /// True when it ran in an autocommit block of the file.
        public var autocommit: Bool
    }

    /// One statement of traffic sent to the publisher.
    public struct TrafficStatement: Sendable, Equatable {
        public enum Operation: String, Sendable { case insert, update, delete, probe }
        public var table: String
        public var operation: Operation
        /// What a probe aims at, e.g. "NULL in display_name (NOT NULL on the subscriber only)".
        public var purpose: String?
        public var sql: String
        public var rows: Int
        /// PostgreSQL's message when the publisher refused it.
        public var error: String?
    }

    public struct TableComparison: Sendable, Equatable {
        public var table: String
        public var publisherRows: Int
        public var subscriberRows: Int
        public var publisherHash: String
        public var subscriberHash: String
        /// The columns compared: published and present on both sides.
        public var columns: [String]
        public var firstDifferingKey: String?
        public var note: String?
        public var equal: Bool { publisherRows == subscriberRows && publisherHash == subscriberHash }
    }

    public struct Phase: Sendable {
        public var number: Int
        public var side: ReplicationPair.Side
        public var applied: [AppliedStatement] = []
        public var traffic: [TrafficStatement] = []
        /// Replicated tables the traffic could not write a row to, and why.
        public var unfilledTables: [(table: String, reason: String)] = []
        public var catchUp: String?
        public var comparisons: [TableComparison] = []
        public var notes: [String] = []
        public var problems: [Problem] = []
        public var applyMilliseconds = 0.0
        public var trafficMilliseconds = 0.0
        public var catchUpMilliseconds = 0.0

        init(number: Int, side: ReplicationPair.Side) {
            self.number = number
            self.side = side
        }
    }

    /// A `replication-*` finding and whether the pair showed it.
    public struct FindingOutcome: Sendable {
        public var ruleID: String
        public var line: Int
        public var message: String
        public var confirmed: Bool
    }

    public var path: String
    public var order: ApplyOrder = .subscriberFirst
    public var publications: [String] = []
    /// What each side was loaded with, and why (publisher's first).
    public var baselines: [RehearsalBaseline] = []
    public var setupNotes: [String] = []
    public var phases: [Phase] = []
    public var findings: [FindingOutcome] = []
    /// Problems on lines where no `replication-*` rule said anything.
    public var unpredicted: [Problem] = []
    /// The pair could not be set up (exit 2).
    public var setupError: String?
    /// Why the file was not run at all (alembic leftovers: exit 1).
    public var refusal: String?
    public var setupMilliseconds = 0.0
    public var totalMilliseconds = 0.0
    /// The signal (SIGINT, SIGTERM) that stopped the rehearsal.
    public private(set) var interruptedBy: Int32?

    public init(path: String) {
        self.path = path
    }

    public var problems: [Problem] { phases.flatMap(\.problems) }

    /// Stopping the pair mid-phase makes statements fail and replication
    /// stall: none of that is the file's doing, so the phase that ran loses
    /// its problems, and no lint finding is judged on a cut-short run.
    mutating func interrupted(by signal: Int32) {
        interruptedBy = signal
        setupError = nil
        if let last = phases.indices.last {
            phases[last].problems.removeAll()
            phases[last].notes.append("interrupted by \(signalName(signal)) while this phase ran: what it showed is incomplete")
        }
        findings = []
        unpredicted = []
    }

    /// 128 + the signal after an interruption; 2: no pair; 1: the file was refused, a statement failed, or
    /// replication broke, diverged or timed out; 0 otherwise.
    public var exitCode: Int32 {
        if let interruptedBy { return 128 + interruptedBy }
        if setupError != nil { return 2 }
        return refusal != nil || problems.contains(where: \.kind.breaks) ? 1 : 0
    }
}
