import Foundation
import Testing
@testable import Runner
import PGClient
import PGServers
import PGTestSupport

/// The server crashing under a run (`pg_ctl stop -m immediate`), and the run
/// itself killed with SIGKILL: a defined exit code, a log that says what
/// committed, and, on the server, nothing half-applied and nothing left
/// holding a lock.
@Suite(.serialized)
struct RunnerFaultTests {
    /// Throwaway clusters commit asynchronously (synchronous_commit = off):
    /// a crash would lose what only sits in the WAL buffers, so the tests
    /// CHECKPOINT whatever must survive it.
    @Test func theServerStoppedMidStatementLeavesNothingApplied() throws {
        try withRunnerFixture(setup: "CREATE TABLE t (id int);") { fixture in
            _ = try fixture.query("CHECKPOINT")
            try fixture.migrations.write("crash.sql", "BEGIN;\nCREATE TABLE made (id bigint PRIMARY KEY);\nINSERT INTO t VALUES (1);\nSELECT pg_sleep(60);\nCOMMIT;\n")
            let run = BackgroundRun { try fixture.run("crash.sql") }
            try waitUntil("the run sleeps") { try sleeping(fixture, "crash.sql") }
            try fixture.cluster.stopImmediately()
            let result = try #require(run.result(), "the run did not end within 120 s")
            let text = result.text
            #expect(result.outcome.exitCode == 1, "\(text)")
            // PostgreSQL's own notice, then the socket closes.
            #expect(text.contains("terminating connection due to immediate shutdown command"), "\(text)")
            #expect(text.contains("running line 4 failed: the connection to PostgreSQL was lost"), "\(text)")
            #expect(text.contains("part 1 (lines 2-4) was not committed"), "\(text)")
            #expect(text.contains("nothing was committed: the database is as it was before the run"), "\(text)")
            try fixture.cluster.restart()
            #expect(try fixture.query("SELECT count(*), to_regclass('made') IS NULL FROM t") == [["0", "t"]])
        }
    }

    /// Part 1 committed before the crash; part 2 was running. The log names
    /// part 1 as committed and part 2 as not; the restarted server has
    /// exactly part 1.
    @Test func theServerStoppedInTheSecondPartKeepsExactlyTheFirst() throws {
        try withRunnerFixture(setup: "CREATE TABLE t (id int);") { fixture in
            try fixture.migrations.write("parts.sql", """
                BEGIN;
                INSERT INTO t VALUES (1);
                COMMIT;
                BEGIN;
                INSERT INTO t VALUES (2);
                SELECT pg_sleep(60);
                COMMIT;

                """)
            let run = BackgroundRun { try fixture.run("parts.sql") }
            try waitUntil("the run sleeps") { try sleeping(fixture, "parts.sql") }
            _ = try fixture.query("CHECKPOINT")
            try fixture.cluster.stopImmediately()
            let result = try #require(run.result(), "the run did not end within 120 s")
            let text = result.text
            #expect(result.outcome.exitCode == 1, "\(text)")
            #expect(text.contains("part 2 (lines 5-6) was not committed"), "\(text)")
            #expect(text.contains("already committed before the failure, and not undone: part 1 (line 2, one transaction)"), "\(text)")
            try fixture.cluster.restart()
            #expect(try fixture.query("SELECT id FROM t ORDER BY id") == [["1"]])
        }
    }

    /// replint killed with SIGKILL cannot roll back or say anything: the
    /// server must notice the closed connection, roll the transaction back and
    /// free the advisory lock within seconds, not when the statement ends.
    /// The file is the same both times (the lock is keyed on its content);
    /// `resume` decides whether it sleeps.
    @Test func sigkillMidStatementRollsBackOnTheServerAndFreesTheLock() throws {
        try #require(FileManager.default.isExecutableFile(atPath: RunnerSignalTests.binary.path), "build the replint product first")
        try withRunnerFixture(setup: "CREATE TABLE hosts (id int PRIMARY KEY); CREATE TABLE resume (go bool);") { fixture in
            try fixture.migrations.write("killed.sql", """
                BEGIN;
                ALTER TABLE hosts ADD COLUMN tags jsonb;
                SELECT pg_sleep(CASE WHEN EXISTS (SELECT FROM resume) THEN 0 ELSE 300 END);
                COMMIT;

                """)
            let process = Process()
            process.executableURL = RunnerSignalTests.binary
            process.arguments = ["run", "--file", "killed.sql", "--dir", fixture.migrations.path,
                                 "--database-url", fixture.cluster.conninfo()]
            process.environment = ProcessInfo.processInfo.environment.filter {
                !$0.key.hasPrefix("INVENTORY_") && $0.key != "ACG_CONFIG"
            }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
            try waitUntil("the run sleeps") { try sleeping(fixture, "killed.sql") }
            #expect(try fixture.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'") == [["1"]])

            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let gone = Date().addingTimeInterval(5)
            while try fixture.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'replint run killed.sql'") != [["0"]],
                  Date() < gone { usleep(100_000) }
            #expect(try fixture.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'replint run killed.sql'") == [["0"]],
                    "the killed run's backend still runs 5 s later")
            #expect(try fixture.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'") == [["0"]])
            #expect(try fixture.query("SELECT count(*) FROM pg_attribute WHERE attname = 'tags'") == [["0"]])

            // The same file again takes the lock and applies.
            _ = try fixture.query("INSERT INTO resume VALUES (true)")
            let again = try fixture.run("killed.sql")
            #expect(again.outcome == .applied, "\(again.text)")
            #expect(try fixture.query("SELECT count(*) FROM pg_attribute WHERE attname = 'tags'") == [["1"]])
        }
    }
}

/// Whether the run of `file` is inside its `pg_sleep`.
private func sleeping(_ fixture: RunnerFixture, _ file: String) throws -> Bool {
    try fixture.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'replint run \(file)' AND query LIKE 'SELECT pg_sleep%'") == [["1"]]
}

/// A run on a thread of its own, so the test can break the server under it.
private final class BackgroundRun: @unchecked Sendable {
    private var outcome: RunnerFixture.Result?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () throws -> RunnerFixture.Result) {
        Thread { [self] in
            outcome = try? body()
            done.signal()
        }.start()
    }

    /// The run's result once it ends; nil when it has not within two minutes.
    func result() -> RunnerFixture.Result? {
        done.wait(timeout: .now() + 120) == .success ? outcome : nil
    }
}
