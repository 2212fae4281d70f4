import PGClient
import SQLSource

/// What `replint ship` did, phase by phase, and where that leaves the two
/// databases. Written once at the end (also after a failure or a signal),
/// so the job log always ends with what is applied where and what to do.
public struct ShipReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public enum Outcome: String, Sendable {
        /// Both sides applied and replication healthy.
        case shipped
        /// `--dry-run`: both sides checked, nothing applied.
        case dryRun = "dry-run"
        /// The lint gate or the plan verdict stopped it; nothing applied.
        case refused
        /// Bad input, a database that does not answer, or unhealthy
        /// replication before anything ran.
        case cannotStart = "cannot-start"
        /// A phase failed or replication broke; nothing more was applied.
        case failed
        /// SIGINT/SIGTERM; the running statement was rolled back.
        case interrupted
    }

    public struct Phase: Sendable {
        public enum Name: String, Sendable {
            case checks, subscriber, between, publisher, after
        }

        public enum Status: String, Sendable {
            case ok, failed, interrupted
            case notRun = "not run"
        }

        public let name: Name
        public var status: Status = .notRun
        public var durationMilliseconds: Double?
        /// What happened, one sentence each.
        public var notes: [String] = []
        /// Applying phases: what committed, and the relation locks the
        /// file's transactions held (mode and relation).
        public var committed: [String] = []
        public var locks: [String] = []
        public var lagBeforeBytes: Int?
        public var lagAfterBytes: Int?
        /// `subscription: before -> after` apply error counts.
        public var applyErrorCounts: [String] = []
        /// PostgreSQL's own words from the subscriber's log.
        public var loggedErrors: [String] = []

        init(_ name: Name) { self.name = name }
    }

    public let file: String
    public let firstSide: ShipSide
    public var planText: String = ""
    public var subscriptions: [String] = []
    public var subscriberLog: String = ""
    public var phases: [Phase] = [.checks, .subscriber, .between, .publisher, .after].map(Phase.init)
    /// Per side: what of the file that database now has.
    public var applied: [ShipSide: String] = [.subscriber: "nothing", .publisher: "nothing"]
    public var nextSteps: [String] = []
    /// SQL that undoes the file on a side that has it, when replint knows it.
    public var revertStatements: [String]?
    public var outcome: Outcome = .cannotStart

    init(file: String, firstSide: ShipSide) {
        self.file = file
        self.firstSide = firstSide
        // The applying phases in the order this file ships.
        if firstSide == .publisher { phases.swapAt(1, 3) }
    }

    /// DESIGN.md: 0 shipped (or dry run), 1 refused, a phase failed or
    /// replication broke, 2 could not start. After a signal the process
    /// exits 128 + the signal through `SignalTrap`; 1 is what is left.
    public var exitCode: Int32 {
        switch outcome {
        case .shipped, .dryRun: 0
        case .refused, .failed, .interrupted: 1
        case .cannotStart: 2
        }
    }

    subscript(_ name: Phase.Name) -> Phase {
        get { phases.first { $0.name == name }! }
        set { phases[phases.firstIndex { $0.name == name }!] = newValue }
    }

    public func rendered(_ format: Format) -> String {
        format == .json ? json().rendered() + "\n" : text()
    }

    func text() -> String {
        var out = "ship of \(file): \(firstSide.rawValue) first, then \(firstSide.other.rawValue)\n"
        if !planText.isEmpty { out += "plan: \(planText)\n" }
        if !subscriptions.isEmpty { out += "subscriptions: \(subscriptions.joined(separator: ", "))\n" }
        if !subscriberLog.isEmpty { out += "subscriber log: \(subscriberLog)\n" }
        out += "\n"
        for (index, phase) in phases.enumerated() {
            let duration = phase.durationMilliseconds.map { Stopwatch.format($0) } ?? ""
            out += "\(index + 1). \(Self.title(phase.name).padded(to: 24)) \(phase.status.rawValue.padded(to: 11)) \(duration)\n"
            var details = phase.notes
            if !phase.committed.isEmpty { details.append("committed: " + phase.committed.joined(separator: "; ")) }
            if !phase.locks.isEmpty { details.append("locks held: " + phase.locks.joined(separator: ", ")) }
            if let before = phase.lagBeforeBytes { details.append("lag before: \(before) bytes") }
            if let after = phase.lagAfterBytes { details.append("lag after: \(after) bytes") }
            if !phase.applyErrorCounts.isEmpty { details.append("apply errors: " + phase.applyErrorCounts.joined(separator: ", ")) }
            details += phase.loggedErrors.map { "PostgreSQL: \($0)" }
            // libpq's messages run over several lines; keep them under their phase.
            out += details.map { "     " + $0.split(separator: "\n").map { $0.drop { $0 == "\t" } }.joined(separator: "\n       ") + "\n" }.joined()
        }
        out += "\napplied: subscriber: \(applied[.subscriber] ?? "nothing"); publisher: \(applied[.publisher] ?? "nothing")\n"
        out += nextSteps.map { "next: \($0)\n" }.joined()
        out += "result: \(outcome.rawValue) (exit \(exitCode))\n"
        return out
    }

    func json() -> JSON {
        func optional(_ value: Int?) -> JSON { value.map { .int($0) } ?? .null }
        let phases: [JSON] = self.phases.map { p in
            .object([("name", .string(p.name.rawValue)), ("status", .string(p.status.rawValue)),
                     ("duration_ms", p.durationMilliseconds.map { .number(String($0)) } ?? .null),
                     ("notes", .strings(p.notes)), ("committed", .strings(p.committed)), ("locks", .strings(p.locks)),
                     ("lag_before_bytes", optional(p.lagBeforeBytes)), ("lag_after_bytes", optional(p.lagAfterBytes)),
                     ("apply_error_counts", .strings(p.applyErrorCounts)), ("logged_errors", .strings(p.loggedErrors))])
        }
        return .object([
            ("version", .int(1)), ("file", .string(file)), ("first_side", .string(firstSide.rawValue)),
            ("plan", .string(planText)), ("subscriptions", .strings(subscriptions)), ("subscriber_log", .string(subscriberLog)),
            ("phases", .array(phases)),
            ("applied", .object(ShipSide.allCases.map { ($0.rawValue, .string(applied[$0] ?? "nothing")) })),
            ("next_steps", .strings(nextSteps)), ("revert_statements", revertStatements.map(JSON.strings) ?? .null), ("outcome", .string(outcome.rawValue)), ("exit_code", .int(Int(exitCode))),
        ])
    }

    static func title(_ name: Phase.Name) -> String {
        switch name {
        case .checks: "checks before"
        case .subscriber: "apply on the subscriber"
        case .between: "replication between"
        case .publisher: "apply on the publisher"
        case .after: "replication after"
        }
    }
}
