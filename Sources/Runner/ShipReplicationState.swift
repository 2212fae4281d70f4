import PGClient

/// A subscription on the subscriber that replicates from the publisher:
/// its slot is one of the publisher's logical slots. `subconninfo` would say
/// it directly, but only superusers may read it; the slot is public.
struct WatchedSubscription: Sendable, Equatable {
    let name: String
    let slot: String
    let publications: String
}

/// One look at replication, both sides, for every watched subscription.
struct ReplicationState: Sendable {
    struct Subscription: Sendable {
        let name: String
        let slot: String
        let enabled: Bool
        /// The apply worker's process id; nil when it is not running.
        let workerPID: String?
        /// `pg_stat_subscription_stats` (PostgreSQL 15 and later); nil before.
        let applyErrorCount: Int?
        let syncErrorCount: Int?
        /// A walsender is streaming the slot.
        let slotActive: Bool
        let confirmedLSN: String?
        /// Bytes of the publisher's WAL the slot has not confirmed.
        let lagBytes: Int?
        /// The slot has confirmed the target of a catch-up wait.
        let reachedTarget: Bool
    }

    let subscriptions: [Subscription]
    /// `pg_current_wal_lsn()` on the publisher when the look was taken.
    let publisherLSN: String

    var maximumLag: Int? { subscriptions.compactMap(\.lagBytes).max() }

    /// Problems that stop a ship before anything runs: a subscription that
    /// is off, has no apply worker, or whose slot nobody streams.
    var startProblems: [String] {
        subscriptions.flatMap { s -> [String] in
            if !s.enabled {
                return ["subscription \(s.name) is disabled, so nothing replicates: find out why in the subscriber's log "
                        + "(a `disable_on_error` subscription disables itself on an apply error), fix it, then "
                        + "`ALTER SUBSCRIPTION \(Connection.quoteIdentifier(s.name)) ENABLE;` and ship again"]
            }
            var problems: [String] = []
            if s.workerPID == nil {
                problems.append("subscription \(s.name) has no apply worker running (pg_stat_subscription.pid is NULL): "
                                + "it is failing or cannot start; the subscriber's log says why")
            }
            if !s.slotActive {
                problems.append("slot \(s.slot) on the publisher is not active: no walsender streams subscription \(s.name)")
            }
            return problems
        }
    }

    /// What went wrong since `baseline`: an apply error counted, a worker
    /// that stopped or restarted, a slot no longer streamed.
    func breakage(since baseline: ReplicationState) -> [String] {
        subscriptions.flatMap { now -> [String] in
            guard let before = baseline.subscriptions.first(where: { $0.name == now.name }) else { return [] }
            var problems: [String] = []
            if let was = before.applyErrorCount, let count = now.applyErrorCount, count > was {
                problems.append("apply_error_count of subscription \(now.name) rose from \(was) to \(count)")
            }
            if let was = before.syncErrorCount, let count = now.syncErrorCount, count > was {
                problems.append("sync_error_count of subscription \(now.name) rose from \(was) to \(count)")
            }
            if !now.enabled {
                problems.append("subscription \(now.name) is now disabled")
            } else if now.workerPID == nil {
                problems.append("the apply worker of subscription \(now.name) stopped (it was process \(before.workerPID ?? "?"))")
            } else if let was = before.workerPID, now.workerPID != was {
                problems.append("the apply worker of subscription \(now.name) restarted (process \(was), now \(now.workerPID ?? "?"))")
            }
            if before.slotActive, !now.slotActive {
                problems.append("slot \(now.slot) on the publisher is no longer streamed")
            }
            return problems
        }
    }

    var reachedTarget: Bool { subscriptions.allSatisfy(\.reachedTarget) }
}

/// The queries behind `ReplicationState`, on the two connections `ship`
/// applies with. Every query reads catalogues and statistics only: ship
/// never writes to either database except the file itself.
struct ReplicationObserver {
    let subscriber: Connection
    let publisher: Connection
    let watched: [WatchedSubscription]

    /// The subscriptions to watch: `name`, or every subscription in the
    /// subscriber's database whose slot is on the publisher.
    static func findSubscriptions(subscriber: Connection, publisher: Connection,
                                  named name: String?) throws(RunSetupError) -> [WatchedSubscription] {
        let subscriptions = try rows(subscriber, "subscriber", """
            SELECT s.subname, s.subslotname, array_to_string(s.subpublications, ', ')
            FROM pg_subscription s
            WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY 1
            """).map { WatchedSubscription(name: $0[0] ?? "", slot: $0[1] ?? "", publications: $0[2] ?? "") }
        let slots = Set(try rows(publisher, "publisher", """
            SELECT slot_name FROM pg_replication_slots WHERE slot_type = 'logical' AND database = current_database()
            """).compactMap { $0[0] })
        let described = subscriptions.map { "\($0.name) (slot \($0.slot.isEmpty ? "none" : $0.slot))" }.joined(separator: ", ")
        if let name {
            guard let chosen = subscriptions.first(where: { $0.name == name }) else {
                throw RunSetupError("--subscription \(name): the subscriber's database has no such subscription"
                                    + (described.isEmpty ? " (it has none)" : " (it has \(described))"))
            }
            guard slots.contains(chosen.slot) else {
                throw RunSetupError("subscription \(name) uses slot \(chosen.slot.isEmpty ? "none" : chosen.slot), which the publisher's database does not have: "
                                    + "it does not replicate from the database --publisher-url names")
            }
            return [chosen]
        }
        let matched = subscriptions.filter { slots.contains($0.slot) }
        guard !matched.isEmpty else {
            throw RunSetupError("no subscription on the subscriber replicates from the publisher: subscriptions "
                                + (described.isEmpty ? "none" : described) + "; logical slots on the publisher's database: "
                                + (slots.isEmpty ? "none" : slots.sorted().joined(separator: ", "))
                                + ". Check both URLs, or name the subscription with --subscription")
        }
        return matched
    }

    /// Both sides now; `target` is a catch-up wait's publisher LSN.
    func state(target: String? = nil) throws -> ReplicationState {
        let names = watched.map { Connection.quoteLiteral($0.name) }.joined(separator: ", ")
        let slotNames = watched.map { Connection.quoteLiteral($0.slot) }.joined(separator: ", ")
        let reached = target.map { "confirmed_flush_lsn >= \(Connection.quoteLiteral($0))::pg_lsn" } ?? "false"
        let slots = try publisher.execute("""
            SELECT slot_name, active, confirmed_flush_lsn::text,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint, coalesce(\(reached), false),
                   pg_current_wal_lsn()::text
            FROM pg_replication_slots WHERE slot_name IN (\(slotNames))
            """).rows
        let subscriptions = try subscriber.execute("""
            SELECT s.subname, s.subenabled, w.pid::text
            FROM pg_subscription s LEFT JOIN pg_stat_subscription w ON w.subid = s.oid AND w.relid IS NULL AND w.pid IS NOT NULL
            WHERE s.subname IN (\(names))
            """).rows
        var counts: [String: (Int, Int)] = [:]
        if subscriber.serverVersion >= 150000 {
            for row in try subscriber.execute("""
                SELECT subname, apply_error_count, sync_error_count FROM pg_stat_subscription_stats WHERE subname IN (\(names))
                """).rows {
                counts[row[0] ?? ""] = (Int(row[1] ?? "") ?? 0, Int(row[2] ?? "") ?? 0)
            }
        }
        let publisherLSN = try publisher.execute("SELECT pg_current_wal_lsn()::text").rows.first?[0] ?? "0/0"
        return ReplicationState(subscriptions: watched.map { w in
            let sub = subscriptions.first { $0[0] == w.name }
            let slot = slots.first { $0[0] == w.slot }
            return .init(name: w.name, slot: w.slot, enabled: sub?[1] == "t", workerPID: sub?[2] ?? nil,
                         applyErrorCount: counts[w.name]?.0, syncErrorCount: counts[w.name]?.1,
                         slotActive: slot?[1] == "t", confirmedLSN: slot?[2] ?? nil,
                         lagBytes: (slot?[3] ?? nil).flatMap { Int($0) }, reachedTarget: slot?[4] == "t")
        }, publisherLSN: slots.first?[5] ?? publisherLSN)
    }

    private static func rows(_ connection: Connection, _ side: String, _ sql: String) throws(RunSetupError) -> [[String?]] {
        do {
            return try connection.execute(sql).rows
        } catch {
            throw RunSetupError("cannot read the replication catalogues on the \(side): \(error)")
        }
    }
}
