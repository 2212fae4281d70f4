import Testing
import Lint
@testable import PGServers
import PGClient
import PGTestSupport
import Rules
import Schema
import SQLSource

/// The claims of the rules beyond squawk (and of EXCLUDE and SET ACCESS METHOD)
/// against a real server: what the lock, the rewrite or the failure is, and
/// that the help's SQL runs.
extension LockingRuleConfirmationTests {
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
