import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A throwaway publisher and subscriber in native logical replication: two
/// `EphemeralCluster`s with `wal_level=logical`, one database on each, a
/// publication on the publisher and a subscription on the subscriber that
/// reaches the publisher over its unix socket.
///
/// Not Sendable: used from one thread at a time, like its connections.
/// `stop()` (also run by deinit) removes
/// both clusters; on SIGINT/SIGTERM each cluster's own teardown does it.
public final class ReplicationPair {
    public let publisher: EphemeralCluster
    public let subscriber: EphemeralCluster
    public let options: Options
    public internal(set) var timings = Timings()
    /// The publications the subscription subscribes to; empty before
    /// `subscribe`.
    public private(set) var subscribedPublications: [String] = []

    private var connections: [Side: Connection] = [:]
    /// Separate connections for the pair's own polling, so that a caller's
    /// open transaction on `connection(_:)` can never freeze what a wait
    /// sees (catalogue snapshots, cached statistics).
    private var observers: [Side: Connection] = [:]
    private var stopped = false

    private init(publisher: EphemeralCluster, subscriber: EphemeralCluster, options: Options) {
        self.publisher = publisher
        self.subscriber = subscriber
        self.options = options
    }

    deinit {
        stop()
    }

    /// Starts both clusters and creates the database on each. A start that
    /// fails leaves nothing behind.
    public static func start(_ options: Options = .init()) throws -> ReplicationPair {
        let clock = ContinuousClock()
        let began = clock.now
        // One after the other: started side by side on two busy cores they
        // took as long (measured), and the code is simpler.
        let publisher = try EphemeralCluster.start(options.clusterOptions())
        let subscriber: EphemeralCluster
        do {
            subscriber = try EphemeralCluster.start(options.clusterOptions())
        } catch {
            publisher.stop()
            throw error
        }
        let pair = ReplicationPair(publisher: publisher, subscriber: subscriber, options: options)
        do {
            try publisher.createDatabase(options.database)
            try subscriber.createDatabase(options.database)
        } catch {
            pair.stop()
            throw error
        }
        pair.timings.start = clock.now - began
        return pair
    }

    public func cluster(_ side: Side) -> EphemeralCluster {
        side == .publisher ? publisher : subscriber
    }

    /// The pair's own connection to the database on `side`, opened once.
    public func connection(_ side: Side) throws -> Connection {
        try Self.reuseOrConnect(&connections, side, to: cluster(side), database: options.database, stopped: stopped)
    }

    /// Runs one of the pair's own monitoring queries.
    func observe(_ sql: String, on side: Side) throws -> [[String?]] {
        try Self.reuseOrConnect(&observers, side, to: cluster(side), database: options.database, stopped: stopped)
            .execute(sql).rows
    }

    private static func reuseOrConnect(_ pool: inout [Side: Connection], _ side: Side, to cluster: EphemeralCluster,
                                       database: String, stopped: Bool) throws -> Connection {
        guard !stopped else { throw PostgresError.cluster("the replication pair is stopped") }
        if let open = pool[side], open.transactionStatus != .unknown { return open }
        let connection = try cluster.connect(database: database)
        pool[side] = connection
        return connection
    }

    /// Runs `sql` (one statement or several) on one side.
    @discardableResult
    public func execute(_ sql: String, on side: Side) throws -> QueryResult {
        try connection(side).execute(sql)
    }

    /// Runs schema SQL on each side in the order given, e.g. `[.subscriber,
    /// .publisher]` for a subscriber-first change, or `.both`. The whole text
    /// goes to the server at once, so it must be plain SQL: no psql
    /// meta-commands and no COPY data.
    public func load(sql: String, on sides: [Side]) throws {
        for side in sides { try execute(sql, on: side) }
    }

    /// The rows `sql` returns on `side`, as PostgreSQL's text; compare the
    /// two sides with an ORDER BY in the query.
    public func rows(on side: Side, sql: String) throws -> [[String?]] {
        try execute(sql, on: side).rows
    }

    /// Runs a `CREATE PUBLICATION` (or ALTER) statement on the publisher.
    public func createPublication(_ sql: String) throws {
        try execute(sql, on: .publisher)
    }

    /// Creates the subscription on the subscriber and waits until every
    /// table in it is synchronised (throws when that takes longer than
    /// `options.synchronisationTimeout`, naming the tables still behind).
    public func subscribe(publication: String, copyData: Bool = true) throws {
        try subscribe(publications: [publication], copyData: copyData)
    }

    public func subscribe(publications: [String], copyData: Bool = true) throws {
        let clock = ContinuousClock()
        let began = clock.now
        let names = publications.map(Connection.quoteIdentifier).joined(separator: ", ")
        // synchronous_commit: the subscription's own default is off, which
        // lets the apply worker report a position as flushed only after the
        // WAL writer's next round; on, catch-up is seen as soon as it happens.
        try execute("""
            CREATE SUBSCRIPTION \(Connection.quoteIdentifier(options.subscriptionName))
            CONNECTION \(Connection.quoteLiteral(publisher.conninfo(database: options.database)))
            PUBLICATION \(names)
            WITH (copy_data = \(copyData), synchronous_commit = 'on')
            """, on: .subscriber)
        subscribedPublications = publications
        try waitForSynchronisation()
        timings.synchronisation = clock.now - began
    }

    /// `ALTER SUBSCRIPTION ... REFRESH PUBLICATION`: tables added to the
    /// publication since are subscribed (copied when `copyData`), tables
    /// removed are dropped from it; then waits as `subscribe` does.
    public func refreshPublication(copyData: Bool = true) throws {
        let clock = ContinuousClock()
        let began = clock.now
        try execute("ALTER SUBSCRIPTION \(Connection.quoteIdentifier(options.subscriptionName)) "
                    + "REFRESH PUBLICATION WITH (copy_data = \(copyData))", on: .subscriber)
        try waitForSynchronisation()
        timings.synchronisation = clock.now - began
    }

    /// The subscription's tables and their `pg_subscription_rel` states
    /// (`i` init, `d` copying, `f` copied, `s` synced, `r` ready).
    public func subscribedTables() throws -> [SubscribedTable] {
        try observe("""
            SELECT r.srrelid::regclass::text, r.srsubstate::text
            FROM pg_subscription_rel r JOIN pg_subscription s ON s.oid = r.srsubid
            WHERE s.subname = \(Connection.quoteLiteral(options.subscriptionName))
            ORDER BY 1
            """, on: .subscriber).map { SubscribedTable(name: $0[0] ?? "", state: $0[1] ?? "") }
    }

    /// Polls until every subscribed table is ready. Throws when that takes
    /// longer than `options.synchronisationTimeout`, or as soon as a table
    /// copy fails (`sync_error_count` rises: the copy would only be retried
    /// and fail again), naming the tables behind and the subscriber's errors.
    public func waitForSynchronisation() throws {
        let mark = subscriberLogMark()
        let syncErrorsBefore = try errorCounts().sync
        enum Ending { case ready, copyFailed }
        var behind: [SubscribedTable] = []
        let ending = try Self.poll(every: .milliseconds(50), for: options.synchronisationTimeout) { () -> Ending? in
            behind = try subscribedTables().filter { $0.state != "r" }
            if behind.isEmpty { return .ready }
            if behind.contains(where: { $0.state == "s" }) { try wakeApplyWorker() }
            return try errorCounts().sync > syncErrorsBefore ? .copyFailed : nil
        }
        if ending == .ready { return }
        let reason = ending == .copyFailed ? "a table copy failed" : "still not ready after \(options.synchronisationTimeout)"
        let tables = behind.map { "\($0.name) (state \($0.state))" }.joined(separator: ", ")
        let errors = ApplyErrors(applyErrorCount: 0, syncErrorCount: 0, errors: applyErrorLog(since: mark)).distinctMessages
        throw PostgresError.cluster(
            "the subscription did not synchronise (\(reason)): \(tables)"
            + (errors.isEmpty ? "" : "; subscriber errors: " + errors.joined(separator: "; ")))
    }

    /// A table copied by its sync worker ("s") becomes ready only when the
    /// apply worker next looks, which an idle one does once a second. Any
    /// WAL on the publisher makes its walsender send a keepalive, and that
    /// wakes the apply worker at once. The message is not published (the
    /// subscription does not ask for messages), so the subscriber sees no row.
    private func wakeApplyWorker() throws {
        _ = try observe("SELECT pg_logical_emit_message(false, 'replint', 'wake up')", on: .publisher)
    }

    /// Stops both clusters and removes their directories. Idempotent.
    public func stop() {
        stopped = true
        (Array(connections.values) + Array(observers.values)).forEach { $0.close() }
        connections = [:]
        observers = [:]
        // The subscriber first: its workers would otherwise keep trying to
        // reach a publisher that is going away.
        subscriber.stop()
        publisher.stop()
    }
}

public struct SubscribedTable: Sendable, Equatable {
    /// As regclass prints it: schema-qualified when not on the search_path.
    public let name: String
    public let state: String

    public init(name: String, state: String) {
        self.name = name
        self.state = state
    }
}

extension Array where Element == ReplicationPair.Side {
    /// Publisher, then subscriber.
    public static var both: [ReplicationPair.Side] { [.publisher, .subscriber] }
}

extension ReplicationPair {
    /// Calls `attempt` until it returns a value or `timeout` has passed; nil
    /// on timeout. `attempt` runs at least once. Blocking, like libpq.
    static func poll<T>(every interval: Duration, for timeout: Duration, _ attempt: () throws -> T?) rethrows -> T? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        let (seconds, attoseconds) = interval.components
        let microseconds = useconds_t(clamping: seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        while true {
            if let value = try attempt() { return value }
            if clock.now >= deadline { return nil }
            usleep(microseconds)
        }
    }
}
