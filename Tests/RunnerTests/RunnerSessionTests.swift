import Foundation
import Testing
@testable import Runner
import PGClient
import PGServers
import PGTestSupport

/// What a run looks like from the server, and a connection that breaks under it.
@Suite struct RunnerSessionTests {
    @Test func theSessionIsNamedAfterTheFile() throws {
        try withRunnerFixture { fixture in
            let result = try fixture.run("6f44b7ecd7be.sql", "SELECT current_setting('application_name') AS name;\n")
            #expect(result.outcome == .applied, "\(result.text)")
            #expect(result.text.contains("replint run 6f44b7ecd7be.sql"), "\(result.text)")
        }
    }

    /// The backend is killed with SIGKILL mid-statement, so the server sends no
    /// error at all: the socket just closes. That is a lost connection, not a
    /// failure to connect, and the transaction is not applied.
    @Test func aConnectionLostMidStatementIsReportedAsLost() throws {
        try withRunnerFixture(setup: "CREATE TABLE t (id int);") { fixture in
            // Throwaway clusters commit asynchronously (synchronous_commit = off): the
            // crash restart below would lose a CREATE TABLE still in the WAL buffers.
            _ = try fixture.query("CHECKPOINT")
            try fixture.migrations.write("lost.sql", "BEGIN;\nINSERT INTO t VALUES (1);\nSELECT pg_sleep(60);\nCOMMIT;\n")
            let run = LostRun()
            let thread = Thread {
                run.result = try? fixture.run("lost.sql")
                run.done.signal()
            }
            thread.start()
            var backend: String?
            try waitUntil("the run sleeps") {
                backend = try fixture.query("SELECT pid FROM pg_stat_activity WHERE application_name = 'replint run lost.sql' AND query LIKE 'SELECT pg_sleep%'").first?.first ?? nil
                return backend != nil
            }
            #expect(kill(pid_t(backend!)!, SIGKILL) == 0)
            #expect(run.done.wait(timeout: .now() + 120) == .success)
            let text = run.result?.text ?? ""
            #expect(run.result?.outcome.exitCode == 1, "\(text)")
            #expect(text.contains("the connection to PostgreSQL was lost"), "\(text)")
            #expect(!text.contains("cannot connect"), "\(text)")
            // The server restarts its backends after a SIGKILL; then it answers again.
            try waitUntil("the server accepts connections again") { (try? fixture.query("SELECT 1")) != nil }
            #expect(try fixture.query("SELECT count(*) FROM t") == [["0"]])
        }
    }

    /// The run waits first, so its own deadlock check (1 s) finds the cycle
    /// before the other session's (60 s): the run is the one PostgreSQL aborts.
    @Test func aDeadlockAgainstAnotherSessionFailsTheRunAndAppliesNothing() throws {
        let setup = "CREATE TABLE a (id int PRIMARY KEY, n int); CREATE TABLE b (id int PRIMARY KEY, n int); "
            + "INSERT INTO a VALUES (1, 0); INSERT INTO b VALUES (1, 0);"
        try withRunnerFixture(setup: setup) { fixture in
            try fixture.migrations.write("d.sql", "BEGIN;\nUPDATE a SET n = 1 WHERE id = 1;\nUPDATE b SET n = 1 WHERE id = 1;\nCOMMIT;\n")
            let other = try fixture.cluster.connect()
            defer { other.close() }
            try other.execute("SET deadlock_timeout = '60s'")
            try other.execute("BEGIN")
            try other.execute("UPDATE b SET n = 2 WHERE id = 1")
            let run = LostRun()
            let thread = Thread {
                run.result = try? fixture.run("d.sql", lockTimeout: "60s")
                run.done.signal()
            }
            thread.start()
            try waitUntil("the run waits for the other session's row") {
                try fixture.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'replint run d.sql' AND wait_event_type = 'Lock'") == [["1"]]
            }
            // Closes the cycle; returns once PostgreSQL has aborted the run.
            try other.execute("UPDATE a SET n = 2 WHERE id = 1")
            try other.execute("COMMIT")
            #expect(run.done.wait(timeout: .now() + 120) == .success)
            let text = run.result?.text ?? ""
            #expect(run.result?.outcome == .failed(line: 3, sqlstate: "40P01"), "\(text)")
            #expect(text.contains("deadlock detected"), "\(text)")
            #expect(text.contains("nothing was committed"), "\(text)")
            #expect(try fixture.query("SELECT a.n, b.n FROM a, b") == [["2", "2"]])
        }
    }
}

private final class LostRun: @unchecked Sendable {
    var result: RunnerFixture.Result?
    let done = DispatchSemaphore(value: 0)
}
