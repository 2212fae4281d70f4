import Testing
import Lint
@testable import PGServers
import PGClient
import PGTestSupport
import Rules
import Schema
import SQLSource

/// The lock rules' claims against a real server: the lock mode each
/// statement takes (pg_locks, while its transaction is open), whether it
/// rewrites the table (its relfilenode changes), and that replint's finding
/// says the same.
@Suite(.serialized) struct LockingRuleConfirmationTests {
    static let schema = """
    CREATE SCHEMA hbi;
    CREATE TABLE hbi.groups (id bigint PRIMARY KEY, name text);
    CREATE TABLE hbi.hosts (id bigint PRIMARY KEY, display_name varchar(100), price numeric(10,2), seen timestamp, group_id bigint, note text);
    CREATE INDEX ix_hosts_seen ON hbi.hosts (seen);
    CREATE INDEX ix_hosts_seen_name ON hbi.hosts (seen, display_name);
    CREATE DOMAIN hbi.positive AS int CHECK (VALUE > 0);
    INSERT INTO hbi.groups VALUES (1, 'one');
    INSERT INTO hbi.hosts VALUES (1, 'a', 1.5, '2024-01-01', 1, 'n'), (2, 'b', 2.5, '2024-01-02', 1, 'm');
    CREATE TABLE hbi.events (id bigint, at timestamptz) PARTITION BY RANGE (at);
    CREATE TABLE hbi.events_2024 PARTITION OF hbi.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    CREATE TABLE hbi.events_2025 PARTITION OF hbi.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
    CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler
    """

    /// What PostgreSQL did: the modes held on each table, and which relations got a new relfilenode.
    struct Observed {
        var modes: [String: Set<String>] = [:]
        var rewritten: Set<String> = []
    }

    static let watched = ["hbi.hosts", "hbi.groups", "hbi.ix_hosts_seen", "hbi.ix_hosts_seen_name"]

    func observe(_ statement: String, _ connection: Connection) throws -> Observed {
        func filenodes() throws -> [String: String?] {
            var out: [String: String?] = [:]
            for name in Self.watched { out[name] = try connection.execute("SELECT pg_relation_filenode(to_regclass('\(name)'))").rows.first?[0] ?? nil }
            return out
        }
        let before = try filenodes()
        _ = try connection.execute("BEGIN")
        defer { _ = try? connection.execute("ROLLBACK") }
        _ = try connection.execute("SET LOCAL TimeZone = 'UTC'")
        _ = try connection.execute(statement)
        var seen = Observed()
        let rows = try connection.execute("""
            SELECT c.oid::regclass::text, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE l.pid = pg_backend_pid() AND l.granted
            """).rows
        for row in rows { if let name = row[0], let mode = row[1] { seen.modes[name, default: []].insert(mode) } }
        let after = try filenodes()
        // A relation the statement dropped is not rewritten.
        seen.rewritten = Set(Self.watched.filter { (after[$0] ?? nil) != nil && before[$0] != after[$0] })
        return seen
    }

    func findings(_ statement: String) throws -> [Finding] {
        var linter = Linter(rules: RuleRegistry.all)
        linter.baselines = try Baselines.fromSQL(Self.schema + ";")
        let document = try SQLDocument(path: "m.sql", text: "BEGIN;\n\(statement);\nCOMMIT;\n")
        return withExtendedLifetime(document) { linter.lint(document) }.filter { $0.category == .locking }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let sql: String
        let rule: RuleID?
        let table: String
        let mode: String
        let rewrites: Set<String>
        /// Words the finding's message must hold.
        let says: [String]
        /// Other lock findings on the statement, for other causes.
        var also: [RuleID] = []
        var testDescription: String { sql }
    }

    /// A rewrite gives the table and each of its indexes a new relfilenode.
    static let everything: Set<String> = ["hbi.hosts", "hbi.ix_hosts_seen", "hbi.ix_hosts_seen_name"]

    static let cases: [Case] = [
        Case(sql: "CREATE INDEX ix_name ON hbi.hosts (display_name)", rule: .requireConcurrentIndexCreation,
             table: "hbi.hosts", mode: "ShareLock", rewrites: [], says: ["SHARE"]),
        Case(sql: "DROP INDEX hbi.ix_hosts_seen", rule: .requireConcurrentIndexDeletion,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: [], says: ["ACCESS EXCLUSIVE"]),
        Case(sql: "REINDEX INDEX hbi.ix_hosts_seen", rule: .requireConcurrentReindex,
             table: "hbi.hosts", mode: "ShareLock", rewrites: ["hbi.ix_hosts_seen"], says: ["writes to the table"]),
        Case(sql: "ALTER TABLE hbi.hosts ADD CONSTRAINT positive_price CHECK (price > 0)", rule: .constraintMissingNotValid,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: [], says: ["ACCESS EXCLUSIVE", "scan"]),
        Case(sql: "ALTER TABLE hbi.hosts ADD CONSTRAINT positive_price CHECK (price > 0) NOT VALID", rule: nil,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: [], says: []),
        Case(sql: "ALTER TABLE hbi.hosts ADD CONSTRAINT fk_group FOREIGN KEY (group_id) REFERENCES hbi.groups (id)", rule: .addingForeignKeyConstraint,
             table: "hbi.groups", mode: "ShareRowExclusiveLock", rewrites: [], says: ["SHARE ROW EXCLUSIVE", "hbi.groups"], also: [.requireForeignKeyIndex]),
        Case(sql: "ALTER TABLE hbi.hosts ALTER COLUMN note SET NOT NULL", rule: .addingNotNullableField,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: [], says: ["ACCESS EXCLUSIVE", "fails if any row holds NULL"]),
        Case(sql: "ALTER TABLE hbi.hosts ALTER COLUMN display_name TYPE varchar(50)", rule: .changingColumnType,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: everything, says: ["rewrites hbi.hosts"]),
        Case(sql: "ALTER TABLE hbi.hosts ALTER COLUMN display_name TYPE text", rule: .changingColumnType,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: [], says: ["no rewrite and no index rebuild"]),
        Case(sql: "ALTER TABLE hbi.hosts ALTER COLUMN price TYPE numeric(12,2)", rule: .changingColumnType,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: [], says: ["no rewrite and no index rebuild"]),
        Case(sql: "ALTER TABLE hbi.hosts ALTER COLUMN seen TYPE timestamptz", rule: .changingColumnType,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: ["hbi.ix_hosts_seen", "hbi.ix_hosts_seen_name"], says: ["no rewrite", "rebuilds 2 indexes"]),
        Case(sql: "ALTER TABLE hbi.hosts ADD COLUMN token uuid DEFAULT gen_random_uuid()", rule: .addingFieldWithDefault,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: everything, says: ["rewrites"]),
        Case(sql: "ALTER TABLE hbi.hosts ADD COLUMN twice numeric GENERATED ALWAYS AS (price * 2) STORED", rule: .addingFieldWithDefault,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: everything, says: ["rewrites"]),
        Case(sql: "ALTER TABLE hbi.hosts ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY", rule: .addingFieldWithDefault,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: everything, says: ["rewrites"]),
        Case(sql: "ALTER TABLE hbi.hosts ADD COLUMN rank hbi.positive", rule: .addingFieldWithDefault,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: everything, says: ["domain"]),
        Case(sql: "ALTER TABLE hbi.hosts ADD COLUMN flag boolean DEFAULT false", rule: nil,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: [], says: []),
        Case(sql: "ALTER TABLE hbi.hosts ADD CONSTRAINT hosts_name_key UNIQUE (display_name)", rule: .disallowedUniqueConstraint,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: [], says: ["ACCESS EXCLUSIVE"]),
        Case(sql: "ALTER TABLE hbi.hosts SET UNLOGGED", rule: .tableRewrite,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: everything, says: ["rewrites hbi.hosts", "ACCESS EXCLUSIVE"]),
        Case(sql: "CLUSTER hbi.hosts USING ix_hosts_seen", rule: .tableRewrite,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: everything, says: ["rewrites hbi.hosts", "ACCESS EXCLUSIVE"]),
        // PostgreSQL 15 does nothing when the table already has the method: same relfilenodes, a brief lock.
        Case(sql: "ALTER TABLE hbi.hosts SET ACCESS METHOD heap", rule: nil,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: [], says: []),
        Case(sql: "ALTER TABLE hbi.hosts SET ACCESS METHOD heap2", rule: .tableRewrite,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: everything, says: ["rewrites hbi.hosts (its method is heap)", "ACCESS EXCLUSIVE"]),
        Case(sql: "ALTER TABLE hbi.hosts ADD CONSTRAINT one_id EXCLUDE USING btree (id WITH =)", rule: .constraintMissingNotValid,
             table: "hbi.hosts", mode: "AccessExclusiveLock", rewrites: [], says: ["EXCLUDE", "ACCESS EXCLUSIVE"]),
        Case(sql: "ALTER TABLE hbi.events DETACH PARTITION hbi.events_2024", rule: .requireConcurrentPartitionDetach,
             table: "hbi.events", mode: "AccessExclusiveLock", rewrites: [], says: ["ACCESS EXCLUSIVE"]),
    ]

    @Test func eachLockAndRewriteIsWhatTheFindingSays() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            for statement in Self.schema.split(separator: ";\n") { _ = try connection.execute(String(statement)) }
            for c in Self.cases {
                let seen = try observe(c.sql, connection)
                #expect(seen.modes[c.table]?.contains(c.mode) == true, "\(c.sql): \(seen.modes)")
                #expect(seen.rewritten == c.rewrites, "\(c.sql): new relfilenodes for \(seen.rewritten.sorted())")
                let found = try findings(c.sql)
                #expect(found.map(\.ruleID) == (c.rule.map { [$0] } ?? []) + c.also, "\(c.sql): \(found.map(\.ruleID))")
                for words in c.says {
                    #expect(found.first?.message.contains(words) == true, "\(c.sql): `\(words)` not in \(found.map(\.message))")
                }
                // The typed prediction `lint --rehearse` checks says the same as the server.
                if let predictions = found.first?.predictions {
                    let pgMode = { (mode: LockMode?) in (mode?.rawValue ?? "").split(separator: " ").map { $0.capitalized }.joined() + "Lock" }
                    #expect(predictions.contains { $0.names(c.table) && pgMode($0.mode) == c.mode }, "\(c.sql): \(predictions)")
                    let rewritesTable = c.rewrites.contains(c.table)
                    #expect(predictions.allSatisfy { $0.rewrites == nil || $0.rewrites == rewritesTable }, "\(c.sql): \(predictions)")
                }
            }
        }
    }

    /// VALIDATE CONSTRAINT in a later transaction scans under SHARE UPDATE EXCLUSIVE: reads and writes go on.
    @Test func validateInALaterTransactionTakesAWeakLock() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            for statement in Self.schema.split(separator: ";\n") { _ = try connection.execute(String(statement)) }
            _ = try connection.execute("ALTER TABLE hbi.hosts ADD CONSTRAINT c CHECK (price > 0) NOT VALID")
            let seen = try observe("ALTER TABLE hbi.hosts VALIDATE CONSTRAINT c", connection)
            #expect(seen.modes["hbi.hosts"] == ["ShareUpdateExclusiveLock"])
        }
    }

    /// On a partitioned table PostgreSQL refuses CONCURRENTLY; the help's SQL runs and leaves a valid index.
    @Test func thePartitionedHelpRuns() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            for statement in Self.schema.split(separator: ";\n") { _ = try connection.execute(String(statement)) }
            #expect(throws: (any Error).self) { _ = try connection.execute("CREATE INDEX CONCURRENTLY ix_at ON hbi.events (at)") }
            do { _ = try connection.execute("CREATE INDEX CONCURRENTLY ix_at ON hbi.events (at)") } catch {
                #expect("\(error)".contains("cannot create index on partitioned table \"events\" concurrently"), "\(error)")
            }
            let found = try findings("CREATE INDEX ix_at ON hbi.events (at)")
            let help = try #require(found.first { $0.ruleID == .requireConcurrentIndexCreation }?.help)
            let sql = help.split(separator: "\n").dropFirst().map(String.init)
            #expect(sql.contains { $0.contains("ON ONLY hbi.events") }, "\(help)")
            for line in sql { _ = try connection.execute(line) }
            let valid = try connection.execute("SELECT indisvalid FROM pg_index WHERE indexrelid = 'hbi.ix_at'::regclass").rows
            #expect(valid == [["t"]])
            let attached = try connection.execute("SELECT count(*) FROM pg_inherits WHERE inhparent = 'hbi.ix_at'::regclass").rows
            #expect(attached == [["2"]])
        }
    }
}
