import Foundation
import Testing
import Lint
import Rules
import SQLSource
@testable import Runner
import PGClient
import PGServers
import PGTestSupport

/// The runner against a real PostgreSQL: what runs, what is logged, and
/// that a failure leaves the database exactly as it was.
@Suite struct RunnerTests {
    static let setup = """
        CREATE SCHEMA hbi;
        CREATE TABLE hbi.hosts (id int PRIMARY KEY, name text);
        INSERT INTO hbi.hosts VALUES (1, 'a'), (2, 'b');
        """

    @Test func dryRunChangesNothingAndListsEveryStatementWithItsLine() throws {
        try withRunnerFixture(setup: Self.setup) { fixture in
            let before = try fixture.catalogue()
            let result = try fixture.run("m.sql", """
                BEGIN;

                UPDATE hbi.hosts SET name = 'z';
                ALTER TABLE hbi.hosts ADD COLUMN tags jsonb;

                COMMIT;
                """, dryRun: true)
            #expect(result.outcome == .dryRun, "\(result.text)")
            #expect(result.text.contains("line 3: UPDATE hbi.hosts SET name = 'z';"))
            #expect(result.text.contains("line 4: ALTER TABLE hbi.hosts ADD COLUMN tags jsonb;"))
            #expect(result.text.contains("connected to database postgres"))
            #expect(try fixture.catalogue() == before)
            #expect(try fixture.query("SELECT name FROM hbi.hosts ORDER BY id") == [["a"], ["b"]])
        }
    }

    @Test func goodFileAppliesAndLogsEachStatement() throws {
        try withRunnerFixture(setup: Self.setup) { fixture in
            let result = try fixture.run("6f44b7ecd7be.sql", """
                BEGIN;

                -- Running upgrade ecbe7e63f6d9 -> 6f44b7ecd7be

                UPDATE hbi.hosts SET name = upper(name);
                ALTER TABLE hbi.hosts ADD COLUMN tags_alt JSONB DEFAULT '{}';

                COMMIT;
                """)
            // The backfill runs before the ALTER: after it, the ALTER's ACCESS
            // EXCLUSIVE lock would be held through it (long-statement-after-access-exclusive).
            #expect(result.outcome == .applied, "\(result.text)")
            #expect(try fixture.query("SELECT count(*) FROM hbi.hosts WHERE tags_alt = '{}' AND name = upper(name)") == [["2"]])
            #expect(result.text.contains("line 5: UPDATE hbi.hosts SET name = upper(name): UPDATE 2, 2 row(s) in"))
            #expect(result.text.contains("line 6: ALTER TABLE hbi.hosts ADD COLUMN tags_alt JSONB DEFAULT '{}': ALTER TABLE in"))
            #expect(result.text.contains("lock_timeout = 5s, statement_timeout = off"))
            #expect(result.text.contains("part 1 committed"))
        }
    }

    /// The repository's own samples, in order, on the baseline they start from.
    @Test func sampleMigrationsApplyOnTheirBaseline() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let migrations = repository.appendingPathComponent("app_migrations").path
        try withRunnerFixture { fixture in
            let connection = try fixture.cluster.connect()
            defer { connection.close() }
            // pg_dump's psql meta-commands (\restrict) are not statements: the document skips them.
            for statement in SQLDocument(try SourceFile.read(path: "\(migrations)/schema.sql")).statements {
                try connection.execute(statement.text)
            }
            for name in ["6f44b7ecd7be.sql", "661a4319d18b.sql", "b52d980f9119.sql"] {
                let result = try fixture.run(name, directory: migrations)
                #expect(result.outcome == .applied, "\(name): \(result.text)")
            }
            #expect(try fixture.query("SELECT count(*) FROM pg_attribute WHERE attrelid = 'hbi.hosts'::regclass AND attname IN ('tags_alt', 'last_check_in')") == [["2"]])
            #expect(try fixture.query("SELECT to_regclass('hbi.host_labels') IS NOT NULL") == [["t"]])
        }
    }

    @Test func thirdStatementFailingLeavesTheDatabaseExactlyAsBefore() throws {
        try withRunnerFixture(setup: Self.setup) { fixture in
            let before = try fixture.catalogue()
            let result = try fixture.run("m.sql", """
                CREATE TABLE hbi.labels (id int PRIMARY KEY);
                INSERT INTO hbi.hosts VALUES (3, 'c');
                INSERT INTO hbi.missing VALUES (1);
                ALTER TABLE hbi.hosts ADD COLUMN never int;
                """)
            #expect(result.outcome == .failed(line: 3, sqlstate: "42P01"), "\(result.text)")
            #expect(try fixture.catalogue() == before)
            #expect(try fixture.query("SELECT count(*) FROM hbi.hosts") == [["2"]])
            // The server's position, mapped to the file: `hbi.missing` on line 3.
            #expect(result.text.contains("at \(fixture.migrations.path)/m.sql:3:13"))
            #expect(result.text.contains("nothing was committed"))
            #expect(!result.text.contains("ADD COLUMN never int:"))
            let json = try fixture.run("m.sql", logFormat: "json")
            let failed = try #require(json.log.events.first { $0["event"] as? String == "failed" })
            #expect(failed["sqlstate"] as? String == "42P01")
            #expect(failed["line"] as? Int == 3)
            #expect(failed["error_line"] as? Int == 3)
            #expect(failed["error_column"] as? Int == 13)
            let committed = try #require(json.log.events.first { $0["event"] as? String == "committed" })
            #expect((committed["committed"] as? [Any])?.isEmpty == true)
            #expect(try fixture.catalogue() == before)
        }
    }

    @Test func lintErrorIsRefusedUnlessForced() throws {
        try withRunnerFixture(setup: Self.setup + "CREATE TABLE hbi.alembic_version (version_num text PRIMARY KEY);") { fixture in
            let sql = """
                ALTER TABLE hbi.hosts ADD COLUMN seen int;
                UPDATE hbi.alembic_version SET version_num = 'b52d980f9119';
                """
            let refused = try fixture.run("m.sql", sql)
            #expect(refused.outcome == .refused)
            #expect(refused.outcome.exitCode == 1)
            #expect(refused.text.contains("error[alembic-version-table]"))
            #expect(refused.text.contains("--force"))
            #expect(try fixture.query("SELECT count(*) FROM pg_attribute WHERE attname = 'seen'") == [["0"]])
            let forced = try fixture.run("m.sql", force: true)
            #expect(forced.outcome == .applied, "\(forced.text)")
            #expect(try fixture.query("SELECT count(*) FROM pg_attribute WHERE attname = 'seen'") == [["1"]])
        }
    }

    @Test func psqlMetaCommandIsRefusedEvenWithForce() throws {
        try withRunnerFixture(setup: Self.setup) { fixture in
            let before = try fixture.catalogue()
            let result = try fixture.run("m.sql", "\\connect other\nALTER TABLE hbi.hosts ADD COLUMN seen int;\n", force: true)
            #expect(result.outcome == .refused, "\(result.text)")
            #expect(result.text.contains("line 1: the psql meta-command `\\connect` cannot run through libpq"))
            #expect(try fixture.catalogue() == before)
        }
    }

    @Test func selectRowsArePrintedAsTextAndAsJSONLines() throws {
        try withRunnerFixture(setup: Self.setup) { fixture in
            let sql = "SELECT id, name, NULL::text AS note FROM hbi.hosts ORDER BY id;\n"
            let text = try fixture.run("q.sql", sql)
            #expect(text.outcome == .applied)
            #expect(text.text.contains("line 1: row 1: id=1, name=a, note=NULL"))
            #expect(text.text.contains("line 1: row 2: id=2, name=b, note=NULL"))
            let json = try fixture.run("q.sql", logFormat: "json")
            #expect(json.log.events.count == json.log.lines.count, "every line is one JSON object")
            let rows = json.log.events.filter { $0["event"] as? String == "row" }
            #expect(rows.count == 2)
            let first = try #require(rows.first?["row"] as? [String: Any])
            #expect(first["id"] as? String == "1")
            #expect(first["name"] as? String == "a")
            #expect(first["note"] is NSNull)
            let statement = try #require(json.log.events.first { $0["event"] as? String == "statement" })
            #expect(statement["command"] as? String == "SELECT 2")
            #expect(statement["line"] as? Int == 1)
        }
    }

    @Test func noticesAreLoggedWithTheirStatementsLine() throws {
        try withRunnerFixture { fixture in
            let result = try fixture.run("m.sql", "SELECT 1;\nDO $$ BEGIN RAISE NOTICE 'backfilled % rows', 42; END $$;\n")
            #expect(result.outcome == .applied, "\(result.text)")
            #expect(result.text.contains("line 2: NOTICE: backfilled 42 rows"))
        }
    }

    @Test func statementTimeoutStopsALongStatementAndRollsBack() throws {
        try withRunnerFixture(setup: Self.setup) { fixture in
            try fixture.migrations.write("slow.sql", "ALTER TABLE hbi.hosts ADD COLUMN slow int;\nSELECT pg_sleep(30);\n")
            let flags = RunRequest.Flags(file: "slow.sql", directory: fixture.migrations.path, databaseURL: fixture.cluster.conninfo(),
                                         statementTimeout: "200ms")
            let capture = RunnerFixture.LogCapture()
            let runner = MigrationRunner(request: try RunRequest.resolve(flags, environment: [:]),
                                         linter: Linter(rules: RuleRegistry.all), log: RunLog { capture.append($0) })
            #expect(runner.run() == .failed(line: 2, sqlstate: "57014"), "\(capture.text)")
            #expect(capture.text.contains("statement_timeout = 200ms"))
            #expect(try fixture.query("SELECT count(*) FROM pg_attribute WHERE attname = 'slow'") == [["0"]])
        }
    }

    @Test func autocommitBlockCommitsOnItsOwnAndTheLogSaysWhatCommitted() throws {
        try withRunnerFixture(setup: Self.setup) { fixture in
            let result = try fixture.run("m.sql", """
                BEGIN;
                CREATE TABLE hbi.groups (id int PRIMARY KEY);
                COMMIT;
                CREATE INDEX CONCURRENTLY hosts_name ON hbi.hosts (name);
                BEGIN;
                INSERT INTO hbi.missing VALUES (1);
                COMMIT;
                """)
            #expect(result.outcome == .failed(line: 6, sqlstate: "42P01"), "\(result.text)")
            #expect(result.text.contains("applied in 3 parts"))
            #expect(result.text.contains("already committed before the failure, and not undone: part 1 (line 2, one transaction); line 4 (CREATE INDEX CONCURRENTLY hosts_name ON hbi.hosts (name), autocommit)"))
            #expect(try fixture.query("SELECT to_regclass('hbi.groups') IS NOT NULL, to_regclass('hbi.hosts_name') IS NOT NULL") == [["t", "t"]])
        }
    }

    @Test func concurrentIndexInsideTheTransactionIsRefusedBeforeAnythingRuns() throws {
        try withRunnerFixture(setup: Self.setup) { fixture in
            let before = try fixture.catalogue()
            let result = try fixture.run("m.sql", """
                BEGIN;
                CREATE TABLE hbi.groups (id int PRIMARY KEY);
                CREATE INDEX CONCURRENTLY hosts_name ON hbi.hosts (name);
                COMMIT;
                """, force: true)
            #expect(result.outcome == .refused, "\(result.text)")
            #expect(result.text.contains("COMMIT;\n        CREATE INDEX CONCURRENTLY hosts_name ON hbi.hosts (name);\n        BEGIN;"))
            #expect(try fixture.catalogue() == before)
        }
    }
}
