import PGClient
import PGServers
/// What the publisher's publications send, table by table, as
/// `pg_publication_tables` reports it now (after a phase, a file may have
/// changed it).
struct PublishedTable: Sendable, Equatable {
    /// `schema.table`.
    var name: String
    var publication: String
    /// The column list; nil when every column is published.
    var columns: [String]?
    var rowFilter: String?
    /// False when the publication leaves out updates or deletes: the
    /// subscriber then keeps rows the publisher changed, by design.
    var publishesEveryChange: Bool

    static func read(on pair: ReplicationPair, publications: [String]) throws -> [PublishedTable] {
        let names = publications.map(Connection.quoteLiteral).joined(separator: ", ")
        // One row per table: a table in two publications is compared once.
        return try pair.rows(on: .publisher, sql: """
            SELECT DISTINCT ON (t.schemaname, t.tablename) t.schemaname || '.' || t.tablename, t.pubname,
                   CASE WHEN pr.prattrs IS NOT NULL THEN array_to_string(t.attnames, E'\\x1f') END, t.rowfilter,
                   p.pubinsert AND p.pubupdate AND p.pubdelete
            FROM pg_publication_tables t
            JOIN pg_publication p ON p.pubname = t.pubname
            LEFT JOIN pg_publication_rel pr ON pr.prpubid = p.oid
                 AND pr.prrelid = (quote_ident(t.schemaname) || '.' || quote_ident(t.tablename))::regclass
            WHERE t.pubname IN (\(names))
            ORDER BY t.schemaname, t.tablename, t.pubname
            """).map { row in
            PublishedTable(name: row[0] ?? "", publication: row[1] ?? "",
                           columns: (row[2] ?? nil).map { $0.split(separator: "\u{1f}").map(String.init) },
                           rowFilter: row[3] ?? nil, publishesEveryChange: row[4] == "t")
        }
    }

    /// `schema.table` of each table the subscription has, on the subscriber.
    static func subscribed(on pair: ReplicationPair) throws -> Set<String> {
        Set(try pair.rows(on: .subscriber, sql: """
            SELECT n.nspname || '.' || c.relname FROM pg_subscription_rel r
            JOIN pg_class c ON c.oid = r.srrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            """).compactMap { $0[0] ?? nil })
    }

    /// Whether `schema.table` exists on `side`.
    static func exists(_ name: String, on side: ReplicationPair.Side, of pair: ReplicationPair) throws -> Bool {
        try pair.rows(on: side, sql: "SELECT to_regclass(\(Connection.quoteLiteral(PairPreparation.quoteQualified(name)))) IS NOT NULL")
            .first?[0] == "t"
    }
}
