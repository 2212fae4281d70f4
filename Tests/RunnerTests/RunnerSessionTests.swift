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
}

private final class LostRun: @unchecked Sendable {
    var result: RunnerFixture.Result?
    let done = DispatchSemaphore(value: 0)
}
