import Foundation
import Testing
@testable import Runner
import PGClient
import PGServers
import PGTestSupport

/// Lock waits are bounded, and one file never runs twice at once.
@Suite struct RunnerLockingTests {
    @Test func lockHeldByAnotherSessionFailsWithLockNotAvailableInsteadOfWaiting() throws {
        try withRunnerFixture(setup: "CREATE TABLE busy (id int PRIMARY KEY);") { fixture in
            let holder = try fixture.cluster.connect()
            defer { holder.close() }
            try holder.execute("BEGIN")
            try holder.execute("LOCK TABLE busy IN ACCESS EXCLUSIVE MODE")
            let result = try fixture.run("m.sql", "ALTER TABLE busy ADD COLUMN note text;\n", lockTimeout: "200ms")
            #expect(result.outcome == .failed(line: 1, sqlstate: "55P03"), "\(result.text)")
            #expect(result.text.contains("lock_timeout (200ms)"))
            try holder.execute("ROLLBACK")
            #expect(try fixture.query("SELECT count(*) FROM pg_attribute WHERE attname = 'note'") == [["0"]])
        }
    }

    /// The first run is held inside its statement by a table lock this test
    /// owns, so the second starts while the first certainly runs.
    @Test func secondRunOfTheSameFileExitsOneWhileTheFirstRuns() throws {
        try withRunnerFixture(setup: "CREATE TABLE gate (id int PRIMARY KEY); CREATE TABLE log (id int PRIMARY KEY);") { fixture in
            try fixture.migrations.write("m.sql", "INSERT INTO log SELECT 1 WHERE NOT EXISTS (SELECT FROM gate);\n")
            let holder = try fixture.cluster.connect()
            defer { holder.close() }
            try holder.execute("BEGIN")
            try holder.execute("LOCK TABLE gate IN ACCESS EXCLUSIVE MODE")

            let first = FirstRun()
            let thread = Thread {
                first.result = try? fixture.run("m.sql", lockTimeout: "60s")
                first.done.signal()
            }
            thread.start()
            try waitUntil("the first run waits on the gate") {
                try fixture.query("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO log%'") == [["1"]]
            }

            let second = try fixture.run("m.sql")
            #expect(second.outcome == .alreadyRunning)
            #expect(second.outcome.exitCode == 1)
            #expect(second.text.contains("another run of m.sql is in progress"))
            #expect(second.text.contains("held by server process"))

            try holder.execute("ROLLBACK")
            #expect(first.done.wait(timeout: .now() + 60) == .success)
            #expect(first.result?.outcome == .applied, "\(first.result?.text ?? "no result")")
            #expect(try fixture.query("SELECT count(*) FROM log") == [["1"]])
            // Released with the first run: a third one may take it again.
            #expect(try fixture.run("m.sql").outcome == .failed(line: 1, sqlstate: "23505"))
        }
    }

    @Test func runsOfDifferentFilesDoNotShareTheLock() throws {
        try withRunnerFixture { fixture in
            try fixture.migrations.write("a.sql", "SELECT 1;\n")
            let file = try MigrationFile.locate(name: "a.sql", in: fixture.migrations.path, namedBy: "--file")
            let holder = try fixture.cluster.connect()
            defer { holder.close() }
            try holder.execute("SELECT \(MigrationLock(file: file).description)")
            #expect(try fixture.run("a.sql").outcome == .alreadyRunning)
            #expect(try fixture.run("b.sql", "SELECT 1;\n").outcome == .applied)
        }
    }

    /// The lock follows the file, not the name: a symbolic link to a file
    /// that is being applied is the same migration.
    @Test func anAliasOfARunningFileIsLockedToo() throws {
        try withRunnerFixture { fixture in
            try fixture.migrations.write("a.sql", "SELECT 1;\n")
            #expect(symlink("a.sql", "\(fixture.migrations.path)/alias.sql") == 0)
            let file = try MigrationFile.locate(name: "a.sql", in: fixture.migrations.path, namedBy: "--file")
            let holder = try fixture.cluster.connect()
            defer { holder.close() }
            try holder.execute("SELECT \(MigrationLock(file: file).description)")
            let alias = try fixture.run("alias.sql")
            #expect(alias.outcome == .alreadyRunning, "\(alias.text)")
            // Another content is another migration, even under the same name.
            #expect(try fixture.run("a.sql", "SELECT 2;\n").outcome == .applied)
        }
    }
}

private final class FirstRun: @unchecked Sendable {
    var result: RunnerFixture.Result?
    let done = DispatchSemaphore(value: 0)
}

/// Polls `condition` until it holds; fails the test after a generous bound
/// (the bound is a safety net, not a timing assertion).
func waitUntil(_ what: String, _ condition: () throws -> Bool) throws {
    for _ in 0..<600 {
        if try condition() { return }
        usleep(50_000)
    }
    Issue.record("timed out waiting until \(what)")
}
