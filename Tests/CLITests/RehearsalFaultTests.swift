import Foundation
import Testing
import PGTestSupport

/// A replication rehearsal whose subscriber dies mid-phase, and one whose
/// subscriber does not catch up in time: each ends with a defined exit code
/// and a report that says what happened, with no server left running and,
/// once the next rehearsal has swept, no directory left.
@Suite(.serialized)
struct RehearsalFaultTests {
    typealias Running = RehearseCommandTests.Running

    private func folder(_ files: [String: String]) throws -> URL {
        let directory = try ReplintProcess.temporaryDirectory()
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// The publisher's and the subscriber's directories, as replint announces them.
    private func pairDirectories(_ running: Running) -> (publisher: String, subscriber: String)? {
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline && running.process.isRunning {
            let line = running.stderr.split(separator: "\n").first { $0.contains("throwaway publisher in ") } ?? ""
            if let a = line.range(of: "publisher in ")?.upperBound, let b = line.range(of: " and subscriber in ", range: a..<line.endIndex),
               let c = line.range(of: " (removed", range: b.upperBound..<line.endIndex) {
                return (String(line[a..<b.lowerBound]), String(line[b.upperBound..<c.lowerBound]))
            }
            usleep(100_000)
        }
        return nil
    }

    /// A backend of the cluster in `directory` running the file's `SELECT` (its process title).
    private func runningASelect(in directory: String) -> Bool {
        RehearsalSignalTests.serverProcesses(in: directory).contains { pid in
            let title = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            return title.contains("[local] SELECT")
        }
    }

    private func noServerLeft(in directories: [String]) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while directories.contains(where: { !RehearsalSignalTests.serverProcesses(in: $0).isEmpty }) && Date() < deadline { usleep(50_000) }
        return directories.allSatisfy { RehearsalSignalTests.serverProcesses(in: $0).isEmpty }
    }

    /// The next rehearsal starts by sweeping: afterwards neither directory is there.
    private func nextRehearsalSweeps(_ directories: [String], from folder: URL) throws {
        let next = try ReplintProcess.run(["rehearse", "next.sql"], in: folder)
        #expect(next.status == 0, "\(next.stdout)\(next.stderr)")
        #expect(!directories.contains(where: directoryExists), "left behind: \(directories.filter(directoryExists))")
    }

    @Test func theSubscriberKilledMidPhaseIsReportedAndNothingIsLeft() throws {
        let directory = try folder([
            "migration.sql": "BEGIN;\nCREATE TABLE made (id int);\nSELECT pg_sleep(120);\nCOMMIT;\n",
            "next.sql": "SELECT 1;\n",
        ])
        let running = try Running(["rehearse", "--replication", "migration.sql"], in: directory)
        defer { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }
        let pair = try #require(pairDirectories(running), "stderr: \(running.stderr)")
        // Subscriber first (the default order): the file's sleep runs there first.
        let deadline = Date().addingTimeInterval(120)
        while !runningASelect(in: pair.subscriber) && Date() < deadline && running.process.isRunning { usleep(100_000) }
        try #require(runningASelect(in: pair.subscriber), "stdout: \(running.stdout) stderr: \(running.stderr)")
        let postmaster = try #require(Int32(String(contentsOfFile: "\(pair.subscriber)/data/postmaster.pid", encoding: .utf8)
            .split(separator: "\n").first ?? ""))
        #expect(kill(postmaster, SIGKILL) == 0)
        let status = running.wait()
        let stdout = running.stdout
        #expect(status == 1, "\(stdout)\(running.stderr)")
        #expect(stdout.contains("PROBLEM statement-failed on the subscriber (line 3): `SELECT pg_sleep(120)` failed on the subscriber: "
                                + "the connection to PostgreSQL was lost"), "\(stdout)")
        #expect(stdout.contains("phase 2 (the publisher) not run: the file failed on the subscriber"), "\(stdout)")
        #expect(stdout.contains("verdict: FAILED (exit 1)"), "\(stdout)")
        #expect(noServerLeft(in: [pair.publisher, pair.subscriber]))
        try nextRehearsalSweeps([pair.publisher, pair.subscriber], from: directory)
    }

    /// The file adds a trigger that sleeps on every row the apply worker
    /// (session_replication_role = replica) writes, and nowhere else: the
    /// traffic after each phase cannot reach the subscriber within
    /// `--catch-up-timeout 1s`.
    @Test func aCatchUpTimeoutDuringAPhaseIsReportedAndNothingIsLeft() throws {
        let directory = try folder([
            "schema.sql": "CREATE TABLE items (id bigint PRIMARY KEY, n int);\n",
            "migration.sql": """
                CREATE FUNCTION slow_on_the_subscriber() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('session_replication_role') = 'replica' THEN PERFORM pg_sleep(3); END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER slow BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION slow_on_the_subscriber();
                ALTER TABLE items ENABLE ALWAYS TRIGGER slow;

                """,
            "next.sql": "SELECT 1;\n",
        ])
        let running = try Running(["rehearse", "--replication", "migration.sql", "--schema", "schema.sql",
                                   "--catch-up-timeout", "1s"], in: directory)
        defer { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }
        let pair = try #require(pairDirectories(running), "stderr: \(running.stderr)")
        let status = running.wait()
        let stdout = running.stdout
        #expect(status == 1, "\(stdout)\(running.stderr)")
        #expect(stdout.contains("the subscriber did not catch up within 1.0 seconds"), "\(stdout)")
        #expect(stdout.contains("tables not compared: the subscriber did not catch up"), "\(stdout)")
        #expect(stdout.contains("verdict: FAILED (exit 1)"), "\(stdout)")
        #expect(noServerLeft(in: [pair.publisher, pair.subscriber]))
        try nextRehearsalSweeps([pair.publisher, pair.subscriber], from: directory)
    }

    /// The same timeout while the baseline is checked under traffic, before
    /// the file runs: the pair cannot be set up, exit 2, saying so.
    @Test func aCatchUpTimeoutBeforeTheFileIsExitTwoAndNothingIsLeft() throws {
        let table = "CREATE TABLE items (id bigint PRIMARY KEY, n int);\n"
        let directory = try folder([
            "schema.sql": table,
            "subscriber.sql": table + """
                CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(3); RETURN NEW; END $$;
                CREATE TRIGGER slow BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION slow();
                ALTER TABLE items ENABLE ALWAYS TRIGGER slow;

                """,
            "migration.sql": "ALTER TABLE items ADD COLUMN note text;\n",
            "next.sql": "SELECT 1;\n",
        ])
        let running = try Running(["rehearse", "--replication", "migration.sql", "--schema", "schema.sql",
                                   "--subscriber-schema", "subscriber.sql", "--catch-up-timeout", "1s"], in: directory)
        defer { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }
        let pair = try #require(pairDirectories(running), "stderr: \(running.stderr)")
        let status = running.wait()
        let stdout = running.stdout
        #expect(status == 2, "\(stdout)\(running.stderr)")
        #expect(stdout.contains("could not set up the publisher/subscriber pair: the baseline does not replicate under traffic, "
                                + "before the file is applied: the subscriber did not catch up within 1.0 seconds"), "\(stdout)")
        #expect(noServerLeft(in: [pair.publisher, pair.subscriber]))
        try nextRehearsalSweeps([pair.publisher, pair.subscriber], from: directory)
    }
}
