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
    func loaded(_ cluster: EphemeralCluster) throws -> Connection {
        let connection = try cluster.connect()
        for statement in Self.schema.split(separator: ";\n") { _ = try connection.execute(String(statement)) }
        return connection
    }

    func lint(_ file: String) throws -> [Finding] {
        var linter = Linter(rules: RuleRegistry.all)
        linter.baselines = try Baselines.fromSQL(Self.schema + ";")
        let document = try SQLDocument(path: "m.sql", text: file)
        return withExtendedLifetime(document) { linter.lint(document) }
    }

    func filenode(_ relation: String, _ connection: Connection) throws -> String? {
        try connection.execute("SELECT pg_relation_filenode('\(relation)')").rows.first?[0] ?? nil
    }

    /// PostgreSQL refuses NOT VALID on an exclusion constraint, in the words the help quotes.
    @Test func excludeCannotBeNotValid() throws {
        try withCluster { cluster in
            let connection = try loaded(cluster)
            var refusal = ""
            do { _ = try connection.execute("ALTER TABLE hbi.hosts ADD CONSTRAINT one_id EXCLUDE USING btree (id WITH =) NOT VALID") } catch { refusal = "\(error)" }
            #expect(refusal.contains("EXCLUDE constraints cannot be marked NOT VALID"), "\(refusal)")
            let found = try lint("BEGIN;\nALTER TABLE hbi.hosts ADD CONSTRAINT one_id EXCLUDE USING btree (id WITH =);\nCOMMIT;\n")
            let help = try #require(found.first { $0.ruleID == .constraintMissingNotValid }?.help)
            #expect(help.contains("EXCLUDE constraints cannot be marked NOT VALID"), "\(help)")
        }
    }

    /// The ACCESS EXCLUSIVE lock of a brief ALTER stays through a later index build, until COMMIT.
    @Test func anAccessExclusiveLockIsHeldThroughALaterLongStatement() throws {
        try withCluster { cluster in
            let connection = try loaded(cluster)
            _ = try connection.execute("BEGIN")
            _ = try connection.execute("ALTER TABLE hbi.groups ADD COLUMN region text")
            _ = try connection.execute("CREATE INDEX ix_name ON hbi.hosts (display_name)")
            let held = try connection.execute("""
                SELECT l.mode FROM pg_locks l WHERE l.pid = pg_backend_pid() AND l.granted AND l.relation = 'hbi.groups'::regclass
                """).rows.compactMap { $0[0] }
            _ = try connection.execute("ROLLBACK")
            #expect(held.contains("AccessExclusiveLock"), "\(held)")
            let file = "BEGIN;\nALTER TABLE hbi.groups ADD COLUMN region text;\nCREATE INDEX ix_name ON hbi.hosts (display_name);\nCOMMIT;\n"
            let found = try lint(file).filter { $0.ruleID == .longStatementAfterAccessExclusive }
            #expect(found.count == 1 && found.first?.message.contains("line 2 took on hbi.groups") == true, "\(found.map(\.message))")
            // The help's autocommit block runs, and the lock is gone before the build.
            let help = try #require(found.first?.help)
            #expect(help.contains("CREATE INDEX CONCURRENTLY ix_name ON hbi.hosts (display_name);"), "\(help)")
        }
    }

    /// long-statement-after-access-exclusive counts a statement as taking ACCESS EXCLUSIVE
    /// exactly when PostgreSQL's pg_locks shows it did.
    static let lockModeStatements = [
        "ALTER TABLE hbi.groups ADD COLUMN region text",
        "ALTER TABLE hbi.groups ALTER COLUMN name SET DEFAULT ''",
        "ALTER TABLE hbi.groups ALTER COLUMN name SET STATISTICS 100",
        "ALTER TABLE hbi.groups RENAME COLUMN name TO title",
        "ALTER TABLE hbi.groups REPLICA IDENTITY FULL",
        "ALTER TABLE hbi.groups DISABLE TRIGGER ALL",
        "ALTER TABLE hbi.groups SET (fillfactor = 90)",
        "ALTER TABLE hbi.groups ADD CONSTRAINT g_name CHECK (name <> '') NOT VALID",
        "ALTER TABLE hbi.groups ADD CONSTRAINT g_self FOREIGN KEY (id) REFERENCES hbi.groups (id) NOT VALID",
        "TRUNCATE hbi.groups",
        "LOCK TABLE hbi.groups",
        "LOCK TABLE hbi.groups IN SHARE MODE",
    ]

    @Test func accessExclusiveIsWhatPgLocksShows() throws {
        try withCluster { cluster in
            let connection = try loaded(cluster)
            var exclusiveCount = 0
            for sql in Self.lockModeStatements {
                let seen = try observe(sql, connection)
                let exclusive = seen.modes["hbi.groups"]?.contains("AccessExclusiveLock") == true
                if exclusive { exclusiveCount += 1 }
                let found = try lint("BEGIN;\n\(sql);\nUPDATE hbi.hosts SET note = note WHERE id = 1;\nCOMMIT;\n")
                #expect(found.contains { $0.ruleID == .longStatementAfterAccessExclusive } == exclusive, "\(sql): pg_locks \(seen.modes["hbi.groups"] ?? [])")
            }
            // Both kinds are in the list, so the comparison can fail either way.
            #expect(exclusiveCount > 0 && exclusiveCount < Self.lockModeStatements.count)
        }
    }

    /// Two ALTER TABLEs rewrite the table twice; the help's one statement is valid SQL and rewrites it once.
    @Test func separateAlterTablesRewriteEachTime() throws {
        try withCluster { cluster in
            let connection = try loaded(cluster)
            let first = "ALTER TABLE hbi.hosts ALTER COLUMN display_name TYPE varchar(50)"
            let second = "ALTER TABLE hbi.hosts ALTER COLUMN price TYPE numeric(8,2)"
            _ = try connection.execute("BEGIN")
            let before = try filenode("hbi.hosts", connection)
            _ = try connection.execute(first)
            let middle = try filenode("hbi.hosts", connection)
            _ = try connection.execute(second)
            let after = try filenode("hbi.hosts", connection)
            _ = try connection.execute("ROLLBACK")
            #expect(before != middle && middle != after, "\([before, middle, after])")
            let found = try lint("BEGIN;\n\(first);\n\(second);\nCOMMIT;\n").filter { $0.ruleID == .preferSingleAlterTable }
            let help = try #require(found.first?.help)
            let combined = help.split(separator: "\n").dropFirst().joined(separator: "\n")
            #expect(combined.contains("ALTER COLUMN display_name TYPE varchar(50),"), "\(help)")
            _ = try connection.execute("BEGIN")
            _ = try connection.execute(combined)
            let once = try filenode("hbi.hosts", connection)
            _ = try connection.execute("ROLLBACK")
            #expect(once != before)
            // A run that adds a column and then sets its default: the help's one statement runs too.
            let run = "BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN region text DEFAULT 'old';\nALTER TABLE hbi.hosts ALTER COLUMN region SET DEFAULT 'current';\nALTER TABLE hbi.hosts ADD COLUMN zone text;\nCOMMIT;\n"
            let last = try #require(try lint(run).filter { $0.ruleID == .preferSingleAlterTable }.last?.help)
            _ = try connection.execute("BEGIN")
            defer { _ = try? connection.execute("ROLLBACK") }
            _ = try connection.execute(last.split(separator: "\n").dropFirst().joined(separator: "\n"))
            let defaults = try connection.execute("SELECT region, column_default FROM hbi.hosts, information_schema.columns WHERE table_schema = 'hbi' AND table_name = 'hosts' AND column_name = 'region' LIMIT 1").rows
            #expect(defaults == [["old", "'current'::text"]], "\(defaults)")
        }
    }

    /// A unique index over duplicate rows fails; CONCURRENTLY it leaves an INVALID index,
    /// and the help's query and DROP find and clear them.
    @Test func aUniqueIndexFailsOnDuplicatesAsTheFindingSays() throws {
        try withCluster { cluster in
            let connection = try loaded(cluster)
            _ = try connection.execute("INSERT INTO hbi.hosts VALUES (3, 'a', 3.5, '2024-01-03', 1, 'o')")
            let sql = "CREATE UNIQUE INDEX CONCURRENTLY hosts_name_key ON hbi.hosts (display_name)"
            var failure = ""
            do { _ = try connection.execute(sql) } catch { failure = "\(error)" }
            #expect(failure.contains("could not create unique index \"hosts_name_key\""), "\(failure)")
            let valid = try connection.execute("SELECT indisvalid FROM pg_index WHERE indexrelid = 'hbi.hosts_name_key'::regclass").rows
            #expect(valid == [["f"]])
            let found = try lint("COMMIT;\n\(sql);\nBEGIN;\n").filter { $0.ruleID == .existingRowsMayViolate }
            let finding = try #require(found.first)
            #expect(finding.message.contains("could not create unique index") && finding.message.contains("INVALID"), "\(finding.message)")
            let lines = finding.help.split(separator: "\n").map(String.init)
            let query = try #require(lines.first { $0.hasPrefix("SELECT") })
            #expect(try connection.execute(query).rows == [["a", "2"]])
            let drop = try #require(lines.first { $0.hasPrefix("DROP INDEX CONCURRENTLY") })
            _ = try connection.execute(drop)
            #expect(try connection.execute("SELECT to_regclass('hbi.hosts_name_key')").rows == [[nil]])
        }
    }

    /// Without an index on the referencing column, deleting a referenced row scans the referencing
    /// table; with the help's index it does not.
    @Test func anUnindexedForeignKeyScansOnDelete() throws {
        try withCluster { cluster in
            let connection = try loaded(cluster)
            let fk = "ALTER TABLE hbi.hosts ADD CONSTRAINT fk_group FOREIGN KEY (group_id) REFERENCES hbi.groups (id) NOT VALID"
            let found = try lint("BEGIN;\n\(fk);\nCOMMIT;\n").filter { $0.ruleID == .requireForeignKeyIndex }
            let help = try #require(found.first?.help)
            let index = String(try #require(help.split(separator: "\n").first { $0.hasPrefix("CREATE INDEX CONCURRENTLY") }))
            // Sequential scans of hbi.hosts while a referenced row is deleted (the RI check's query).
            // (The pending counters may hold earlier transactions' scans: count the difference.)
            func scansOfHostsDeletingAGroup() throws -> Int? {
                func scans() throws -> Int? {
                    try connection.execute("SELECT pg_stat_get_xact_numscans('hbi.hosts'::regclass)").rows.first?[0].flatMap { Int($0) }
                }
                _ = try connection.execute("BEGIN")
                defer { _ = try? connection.execute("ROLLBACK") }
                _ = try connection.execute("SET LOCAL enable_seqscan = off")
                _ = try connection.execute("INSERT INTO hbi.groups VALUES (2, 'two')")
                let before = try scans()
                _ = try connection.execute("DELETE FROM hbi.groups WHERE id = 2")
                guard let after = try scans(), let before else { return nil }
                return after - before
            }
            _ = try connection.execute(fk)
            let without = try scansOfHostsDeletingAGroup()
            _ = try connection.execute(String(index.dropLast()))
            let seqWith = try scansOfHostsDeletingAGroup()
            #expect(without == 1, "sequential scans of hbi.hosts without the index: \(String(describing: without))")
            #expect(seqWith == 0, "sequential scans of hbi.hosts with the index: \(String(describing: seqWith))")
        }
    }
}
