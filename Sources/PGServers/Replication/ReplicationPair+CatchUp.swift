import PGClient
/// How a wait for the subscriber to catch up ended.
public struct CatchUp: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The subscription confirmed everything the publisher had written
        /// when the wait began.
        case caughtUp
        /// `apply_error_count` rose during the wait: the subscriber is stuck
        /// (and retrying); `errors` says why.
        case applyFailed
        /// Neither within the timeout.
        case timedOut
    }

    public let outcome: Outcome
    public let elapsed: Duration
    /// The publisher's `pg_current_wal_lsn()` when the wait began.
    public let targetLSN: String
    /// The slot's `confirmed_flush_lsn` when the wait ended.
    public let confirmedLSN: String?
    /// The replication workers' errors logged during the wait.
    public let errors: [ApplyError]

    public var caughtUp: Bool { outcome == .caughtUp }
}

extension ReplicationPair {
    /// Waits until the subscription's slot on the publisher has confirmed
    /// the publisher's current WAL position, polling every 50 ms; returns
    /// early when the subscriber counts a new apply error. Never throws for
    /// a stuck or slow subscriber: that is the outcome, not a failure.
    public func waitForCatchUp(timeout: Duration = .seconds(15)) throws -> CatchUp {
        let clock = ContinuousClock()
        let began = clock.now
        let mark = subscriberLogMark()
        let errorsBefore = try errorCounts().apply
        let target = try observe("SELECT pg_current_wal_lsn()::text", on: .publisher).first?[0] ?? "0/0"
        let slotQuery = """
            SELECT confirmed_flush_lsn >= \(Connection.quoteLiteral(target))::pg_lsn, confirmed_flush_lsn::text
            FROM pg_replication_slots WHERE slot_name = \(Connection.quoteLiteral(options.subscriptionName))
            """
        var confirmed: String?
        let outcome = try Self.poll(every: .milliseconds(50), for: timeout) { () -> CatchUp.Outcome? in
            let slot = try observe(slotQuery, on: .publisher).first
            confirmed = slot?[1] ?? nil
            if slot?[0] == "t" { return .caughtUp }
            return try errorCounts().apply > errorsBefore ? .applyFailed : nil
        } ?? .timedOut
        var errors = applyErrorLog(since: mark)
        if outcome == .applyFailed, errors.isEmpty, let counted = applyErrorLog().last {
            // A worker logs its error, then exits and flushes its counter:
            // the counted failure's line can predate the mark by a moment.
            errors = [counted]
        }
        let result = CatchUp(outcome: outcome, elapsed: clock.now - began, targetLSN: target,
                             confirmedLSN: confirmed, errors: errors)
        timings.catchUp = result.elapsed
        return result
    }
}
