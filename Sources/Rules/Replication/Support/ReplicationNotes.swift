/// The sections every replication rule's page carries besides rationale and
/// alternative: the order it needs, PostgreSQL's own words when it breaks,
/// and where the documentation speaks of it.
enum ReplicationNotes {
    static func make(order: String, error: String, docs: String) -> [(title: String, body: String)] {
        [("Apply order", order), ("What PostgreSQL says", error), ("Documentation", docs)]
    }

    static let restrictions = "PostgreSQL 15 manual, [31.6 Restrictions](https://www.postgresql.org/docs/15/logical-replication-restrictions.html)"
    static let publication = "PostgreSQL 15 manual, [31.1 Publication](https://www.postgresql.org/docs/15/logical-replication-publication.html)"
    static let rowFilter = "PostgreSQL 15 manual, [31.3 Row Filters](https://www.postgresql.org/docs/15/logical-replication-row-filter.html)"
    static let columnLists = "PostgreSQL 15 manual, [31.4 Column Lists](https://www.postgresql.org/docs/15/logical-replication-col-lists.html)"
    static let conflicts = "PostgreSQL 15 manual, [31.5 Conflicts](https://www.postgresql.org/docs/15/logical-replication-conflicts.html)"
    static let replicaIdentity = "PostgreSQL 15 manual, [ALTER TABLE ... REPLICA IDENTITY](https://www.postgresql.org/docs/15/sql-altertable.html#SQL-ALTERTABLE-REPLICA-IDENTITY)"
    static let subscription = "PostgreSQL 15 manual, [31.2 Subscription](https://www.postgresql.org/docs/15/logical-replication-subscription.html) and [ALTER SUBSCRIPTION](https://www.postgresql.org/docs/15/sql-altersubscription.html)"
    static let triggers = "PostgreSQL 15 manual, [31.7 Architecture](https://www.postgresql.org/docs/15/logical-replication-architecture.html) and [ALTER TABLE ... ENABLE REPLICA TRIGGER](https://www.postgresql.org/docs/15/sql-altertable.html)"

    /// Said in findings whose wrong order leaves apply stuck for good.
    static let neverHeals = "a change decoded before the publisher's own DDL keeps the old shape, so apply stays stuck even after both sides are migrated; only `ALTER SUBSCRIPTION ... SKIP` (losing that transaction) gets past it"
}
