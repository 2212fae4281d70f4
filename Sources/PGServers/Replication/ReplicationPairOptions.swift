import PGClient
extension ReplicationPair {
    /// One side of the pair.
    public enum Side: String, Sendable, CaseIterable, CustomStringConvertible {
        case publisher, subscriber

        public var description: String { rawValue }
    }

    public struct Options: Sendable {
        /// Binaries, server user and parent directory for both clusters;
        /// the pair adds its own settings on top (`pairSettings`), and
        /// settings already in `cluster.extraSettings` win over those.
        public var cluster: EphemeralCluster.Options
        /// The database created on both sides and replicated between them.
        public var database: String
        /// Also the name of the replication slot on the publisher.
        public var subscriptionName: String
        /// How long `subscribe` and `refreshPublication` wait for every
        /// table to reach the ready state.
        public var synchronisationTimeout: Duration

        public init(cluster: EphemeralCluster.Options = .init(), database: String = "app",
                    subscriptionName: String = "replint_subscription",
                    synchronisationTimeout: Duration = .seconds(60)) {
            self.cluster = cluster
            self.database = database
            self.subscriptionName = subscriptionName
            self.synchronisationTimeout = synchronisationTimeout
        }

        /// The options of one side's cluster.
        func clusterOptions() -> EphemeralCluster.Options {
            var options = cluster
            options.walLevel = options.walLevel ?? "logical"
            options.extraSettings = Self.pairSettings.merging(cluster.extraSettings) { _, requested in requested }
            return options
        }

        /// What makes a pair quick to react and its waits deterministic.
        static let pairSettings: [String: String] = [
            // The launcher restarts a failed apply worker after this long
            // (default 5s): a stalled subscription shows its error again
            // quickly, and a new subscription's workers start at once.
            "wal_retrieve_retry_interval": "200ms",
            "max_logical_replication_workers": "8",
            "max_sync_workers_per_subscription": "4",
            "max_worker_processes": "16",
            "max_wal_senders": "16",
            "max_replication_slots": "16",
            // The ephemeral cluster turns synchronous_commit off for speed.
            // With fsync off a synchronous commit costs next to nothing, and
            // it makes pg_current_wal_lsn() include every commit that has
            // returned, which the catch-up wait compares against.
            "synchronous_commit": "on",
            // The backend type (%b) is how apply-worker lines are told apart
            // from everyone else's in the subscriber's log.
            "log_line_prefix": "%m [%p] [%b] ",
        ]
    }

    /// Wall-clock durations of the pair's slow steps, for reports.
    public struct Timings: Sendable, Equatable {
        /// Both clusters started, each with its database.
        public var start: Duration?
        /// The last `subscribe` or `refreshPublication`, until every table
        /// was ready.
        public var synchronisation: Duration?
        /// The last `waitForCatchUp`, whatever its outcome.
        public var catchUp: Duration?
    }
}
