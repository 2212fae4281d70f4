import Foundation
import SQLSource
import Testing
@testable import Rehearsals
import PGClient
import PGServers
import PGTestSupport

/// Rehearsals on real servers: locks reported, nothing left behind, failures
/// named, and the two targets' transaction rules.
@Suite(.serialized)
struct RehearsalTests {
    static let baseline = """
        CREATE SCHEMA app;
        CREATE TABLE app.hosts (id int PRIMARY KEY, name text);
        CREATE TABLE app.notes (id int PRIMARY KEY, body text);
        CREATE TYPE app.state AS ENUM ('up', 'down');
        CREATE PUBLICATION hosts_pub FOR TABLE app.hosts;
        """

    static let addColumnAndIndex = """
        BEGIN;
        ALTER TABLE app.hosts ADD COLUMN last_seen timestamptz;
        CREATE INDEX hosts_name_idx ON app.hosts (name);
        COMMIT;
        """

    /// Alembic's shape: a transaction, an autocommit block, a transaction.
    static let alembicWithAutocommitBlock = """
        BEGIN;
        ALTER TABLE app.hosts ADD COLUMN org_id text;
        COMMIT;
        CREATE INDEX CONCURRENTLY hosts_org_idx ON app.hosts (org_id);
        BEGIN;
        ALTER TABLE app.notes ADD COLUMN host_id int;
        COMMIT;
        """

    static let failsLast = """
        BEGIN;
        ALTER TABLE app.hosts ADD COLUMN doomed int;

        UPDATE app.no_such_table SET x = 1;
        COMMIT;
        """

    private func rehearse(_ sql: String, options: Rehearsal.Options = .init(),
                          _ check: (RehearsalReport, Rehearsal) throws -> Void) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("baseline.sql", Self.baseline)
        try scratch.write("migration.sql", sql)
        var options = options
        options.schemaFiles = ["\(scratch.path)/baseline.sql"]
        let rehearsal = try Rehearsal.prepare(options)
        defer { rehearsal.close() }
        try check(rehearsal.rehearse(path: "\(scratch.path)/migration.sql"), rehearsal)
    }

    /// A database the test owns, named to the rehearsal by URL, loaded with the baseline.
    private func withTargetDatabase(_ body: (String, Connection) throws -> Void) throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            try connection.execute(Self.baseline)
            try body(cluster.conninfo(), connection)
        }
    }

    private func locks(_ report: RehearsalReport, line: Int) -> [String] {
        report.statements.first { $0.line == line }?.locks.map { "\($0.lock.modeName) \($0.lock.relation)" } ?? []
    }

    @Test func addColumnTakesAccessExclusiveAndCreateIndexShare() throws {
        try rehearse(Self.addColumnAndIndex) { report, _ in
            #expect(report.exitCode == 0)
            #expect(report.target == .ephemeralCluster)
            #expect(locks(report, line: 2).contains("ACCESS EXCLUSIVE app.hosts"))
            #expect(locks(report, line: 3).contains("SHARE app.hosts"))
            let flagged = report.statements.flatMap(\.locks).filter(\.flagged).map(\.lock.relation)
            #expect(Set(flagged) == ["app.hosts"])
            // The baseline's publication makes app.hosts a replicated table.
            #expect(report.statements[0].locks.first { $0.lock.relation == "app.hosts" }?.replicated == true)
            #expect(report.statements.allSatisfy { $0.execution == .rolledBack && $0.durationMilliseconds != nil })
            #expect(report.statements[0].commandTag == "ALTER TABLE")
            #expect(report.rollback?.unchanged == true)
        }
    }

    @Test func onAnotherDatabaseNothingIsLeftBehind() throws {
        try withTargetDatabase { url, connection in
            let scratch = try ScratchDirectory()
            defer { scratch.remove() }
            try scratch.write("migration.sql", Self.addColumnAndIndex)
            let rehearsal = try Rehearsal.prepare(.init(databaseURL: url))
            let report = rehearsal.rehearse(path: "\(scratch.path)/migration.sql")
            #expect(report.exitCode == 0)
            #expect(report.target == .database)
            #expect(locks(report, line: 2).contains("ACCESS EXCLUSIVE app.hosts"))
            #expect(locks(report, line: 3).contains("SHARE app.hosts"))
            #expect(report.rollback?.unchanged == true)
            #expect(try connection.execute("""
                SELECT count(*) FROM pg_attribute WHERE attrelid = 'app.hosts'::regclass AND attname = 'last_seen'
                """).rows == [["0"]])
            #expect(try connection.execute("SELECT to_regclass('app.hosts_name_idx') IS NULL").rows == [["t"]])
            #expect(try connection.execute("SELECT count(*) FROM pg_locks WHERE relation = 'app.hosts'::regclass AND pid <> pg_backend_pid()").rows == [["0"]])
        }
    }

    @Test func alembicAutocommitBlockOnAnotherDatabaseRunsInItsInTransactionForm() throws {
        try withTargetDatabase { url, connection in
            let scratch = try ScratchDirectory()
            defer { scratch.remove() }
            try scratch.write("migration.sql", Self.alembicWithAutocommitBlock)
            let before = try CatalogFingerprint.read(on: connection)
            let report = try Rehearsal.prepare(.init(databaseURL: url)).rehearse(path: "\(scratch.path)/migration.sql")
            #expect(report.exitCode == 0)
            #expect(report.statements.map(\.line) == [2, 4, 6])
            let index = try #require(report.statements.first { $0.line == 4 })
            #expect(index.execution == .inTransactionForm)
            #expect(index.commandTag == "CREATE INDEX")
            #expect(index.notes.contains { $0.contains("locks differ") })
            #expect(index.locks.contains { $0.lock.relation == "app.hosts" && $0.lock.modeName == "SHARE" })
            #expect(report.rollback?.unchanged == true)
            #expect(try CatalogFingerprint.read(on: connection) == before)
            #expect(try connection.execute("SELECT to_regclass('app.hosts_org_idx') IS NULL").rows == [["t"]])
        }
    }

    @Test func alembicAutocommitBlockOnTheThrowawayClusterReallyCommits() throws {
        try rehearse(Self.alembicWithAutocommitBlock) { report, rehearsal in
            #expect(report.exitCode == 0)
            #expect(report.statements.map(\.execution) == [.committed, .committed, .rolledBack])
            #expect(report.statements[1].commandTag == "CREATE INDEX")
            #expect(report.statements[1].locksTraced == false)
            #expect(report.rollback?.unchanged == true)
            #expect(report.rollback?.scope.contains("lines 6-6") == true)
            let directory = try #require(rehearsal.cluster?.directory)
            rehearsal.close()
            #expect(!directoryExists(directory))
            #expect(processes(mentioning: directory).isEmpty)
        }
    }

    @Test func aNewEnumLabelIsUsableAfterItsAutocommitBlockOnlyOnTheThrowawayCluster() throws {
        let file = """
            BEGIN;
            COMMIT;
            ALTER TYPE app.state ADD VALUE 'draining';
            BEGIN;
            CREATE TABLE app.states (s app.state DEFAULT 'draining');
            COMMIT;
            """
        try rehearse(file) { report, _ in
            #expect(report.exitCode == 0)
        }
        try withTargetDatabase { url, _ in
            let scratch = try ScratchDirectory()
            defer { scratch.remove() }
            try scratch.write("migration.sql", file)
            let report = try Rehearsal.prepare(.init(databaseURL: url)).rehearse(path: "\(scratch.path)/migration.sql")
            #expect(report.exitCode == 1)
            #expect(report.failure?.sqlstate == "55P04")
        }
    }

    @Test func aFailingLastStatementIsNamedAndRolledBack() throws {
        try rehearse(Self.failsLast) { report, rehearsal in
            #expect(report.exitCode == 1)
            #expect(report.failure?.line == 4)
            #expect(report.failure?.sqlstate == "42P01")
            #expect(report.rollback?.unchanged == true)
            let directory = try #require(rehearsal.cluster?.directory)
            rehearsal.close()
            #expect(!directoryExists(directory))
            #expect(processes(mentioning: directory).isEmpty)
        }
        try withTargetDatabase { url, connection in
            let scratch = try ScratchDirectory()
            defer { scratch.remove() }
            try scratch.write("migration.sql", Self.failsLast)
            let report = try Rehearsal.prepare(.init(databaseURL: url)).rehearse(path: "\(scratch.path)/migration.sql")
            #expect(report.exitCode == 1)
            #expect(report.failure?.line == 4)
            #expect(report.failure?.sqlstate == "42P01")
            #expect(report.rollback?.unchanged == true)
            #expect(try connection.execute("SELECT count(*) FROM pg_attribute WHERE attname = 'doomed'").rows == [["0"]])
        }
    }

    @Test func onASharedDatabaseAStatementStuckBehindAnotherSessionGivesUp() throws {
        try withTargetDatabase { url, connection in
            let scratch = try ScratchDirectory()
            defer { scratch.remove() }
            try scratch.write("migration.sql", Self.addColumnAndIndex)
            try connection.execute("BEGIN; LOCK TABLE app.hosts IN ACCESS SHARE MODE")
            defer { _ = try? connection.execute("ROLLBACK") }
            let report = try Rehearsal.prepare(.init(databaseURL: url)).rehearse(path: "\(scratch.path)/migration.sql")
            #expect(report.exitCode == 1)
            #expect(report.failure?.line == 2)
            #expect(report.failure?.sqlstate == "55P03")
            #expect(report.rollback?.unchanged == true)
        }
    }

    @Test func whatCannotRunInATransactionIsReportedAndFailsOnlyWhenStrict() throws {
        let file = """
            BEGIN;
            ALTER TABLE app.notes ADD COLUMN x int;
            COMMIT;
            VACUUM app.notes;
            BEGIN;
            COMMIT;
            """
        try withTargetDatabase { url, _ in
            let scratch = try ScratchDirectory()
            defer { scratch.remove() }
            try scratch.write("migration.sql", file)
            let lenient = try Rehearsal.prepare(.init(databaseURL: url)).rehearse(path: "\(scratch.path)/migration.sql")
            #expect(lenient.exitCode == 0)
            #expect(lenient.notRehearsable.map(\.line) == [4])
            #expect(lenient.notRehearsable.first?.notes.first?.contains("not rehearsable in a transaction") == true)
            let strict = try Rehearsal.prepare(.init(databaseURL: url, strict: true)).rehearse(path: "\(scratch.path)/migration.sql")
            #expect(strict.exitCode == 1)
        }
    }

    @Test func configuredReplicatedTablesAreNamed() throws {
        try rehearse("ALTER TABLE app.notes ADD COLUMN y int;", options: .init(replicatedTables: ["app.notes"])) { report, _ in
            let lock = report.statements.first?.locks.first { $0.lock.relation == "app.notes" }
            #expect(lock?.replicated == true)
            #expect(lock?.flagged == true)
        }
    }

    @Test func aBaselineThatDoesNotLoadIsASetupErrorAndLeavesNoCluster() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("baseline.sql", "CREATE TABLE t (id int);\nCREATE TABLE u (id int REFERENCES nowhere);\n")
        let error = try #require(throws: Rehearsal.SetupError.self) {
            try Rehearsal.prepare(.init(schemaFiles: ["\(scratch.path)/baseline.sql"]))
        }
        #expect(error.description.contains("baseline.sql:2"))
        #expect(processes(mentioning: "replint-pg-").allSatisfy { pid in
            // Other suites may run clusters of their own; none may be ours.
            !(try! String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)).contains(scratch.path)
        })
    }

    @Test func realBaselineLoadsAndEverySampleMigrationRehearses() throws {
        let migrations = try FileManager.default.contentsOfDirectory(atPath: RehearsalFixtures.path("app_migrations"))
            .filter { $0.hasSuffix(".sql") && !$0.hasSuffix("schema.sql") }.sorted()  // the publisher's and the subscriber's baselines
        #expect(migrations.count >= 3)
        let rehearsal = try Rehearsal.prepare(.init(schemaFiles: [RehearsalFixtures.path("app_migrations/schema.sql")]))
        defer { rehearsal.close() }
        if geteuid() == 0 {
            // As root the server still starts, run by an unprivileged user.
            let data = try #require(rehearsal.cluster?.dataDirectory)
            let owner = try FileManager.default.attributesOfItem(atPath: data)[.ownerAccountID] as? NSNumber
            #expect(owner != nil && owner != 0)
        }
        for name in migrations {
            let report = rehearsal.rehearse(path: RehearsalFixtures.path("app_migrations/\(name)"))
            #expect(report.exitCode == 0, "\(name): \(RehearsalText.render(report))")
            #expect(report.rollback?.unchanged == true, "\(name)")
        }
        let addColumn = rehearsal.rehearse(path: RehearsalFixtures.path("app_migrations/661a4319d18b.sql"))
        let lock = addColumn.statements.first?.locks.first { $0.lock.relation == "hbi.hosts" }
        #expect(lock?.lock.modeName == "ACCESS EXCLUSIVE")
        #expect(lock?.replicated == true)
    }

    @Test func tablesOfASchemaPublicationInARealDumpAreReplicated() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("migration.sql", "BEGIN;\nALTER TABLE app.orders ADD COLUMN note text;\nCOMMIT;\n")
        let rehearsal = try Rehearsal.prepare(.init(schemaFiles: [
            RehearsalFixtures.path("Tests/Fixtures/pgdump/rich-schema.sql"),
            RehearsalFixtures.path("Tests/Fixtures/pgdump/with-data.sql")]))
        defer { rehearsal.close() }
        #expect(rehearsal.setupNotes.contains { $0.contains("created missing roles") && $0.contains("app_owner") })
        let report = rehearsal.rehearse(path: "\(scratch.path)/migration.sql")
        #expect(report.exitCode == 0)
        let lock = report.statements.first?.locks.first { $0.lock.relation == "app.orders" }
        #expect(lock?.replicated == true)
        #expect(lock?.flagged == true)
    }
}
