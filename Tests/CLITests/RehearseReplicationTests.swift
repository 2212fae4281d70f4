import Foundation
import Testing

/// `replint rehearse --replication` and `lint --rehearse-replication` as
/// processes: exit codes, both report formats, and both clusters gone after
/// success, failure and SIGTERM.
@Suite(.serialized)
struct RehearseReplicationTests {
    static let schema = """
        CREATE SCHEMA hbi;
        CREATE TABLE hbi.hosts (id bigint PRIMARY KEY, display_name text, canonical_facts jsonb);
        """

    func project(_ migration: String) throws -> URL {
        let directory = try ReplintProcess.temporaryDirectory()
        try Self.schema.write(to: directory.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        try migration.write(to: directory.appendingPathComponent("migration.sql"), atomically: true, encoding: .utf8)
        return directory
    }

    /// The two cluster directories replint announces on stderr, once it does.
    func pairDirectories(_ running: RehearseCommandTests.Running, waitingUpTo seconds: Double = 120) -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let line = running.stderr.split(separator: "\n").first(where: { $0.contains("throwaway publisher in ") }) {
                let words = line.split(separator: " ").map(String.init)
                return words.indices.filter { words[$0] == "in" }.map { words[$0 + 1] }
            }
            if !running.process.isRunning || Date() >= deadline { return [] }
            usleep(50_000)
        }
    }

    func expectGone(_ directories: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(directories.count == 2, sourceLocation: sourceLocation)
        for directory in directories {
            #expect(!RehearseCommandTests.exists(directory), "\(directory) left behind", sourceLocation: sourceLocation)
            #expect(RehearseCommandTests.postgresProcesses(mentioning: directory).isEmpty, sourceLocation: sourceLocation)
        }
    }

    @Test func subscriberFirstDropFailsWithTheApplyErrorAndCleansUp() throws {
        let directory = try project("ALTER TABLE hbi.hosts DROP COLUMN canonical_facts;\n")
        let running = try RehearseCommandTests.Running(
            ["rehearse", "--replication", "migration.sql", "--schema", "schema.sql"], in: directory)
        #expect(running.wait() == 1, "\(running.stdout)\(running.stderr)")
        #expect(running.stdout.contains("is missing replicated column: \"canonical_facts\""))
        #expect(running.stdout.contains("replication-apply-order: confirmed"))
        #expect(running.stdout.contains("verdict: FAILED (exit 1)"))
        #expect(running.stdout.contains("  baseline on the publisher: schema.sql (given with --schema)\n"))
        #expect(running.stdout.contains("  baseline on the subscriber: schema.sql (the publisher's: no subscriber baseline"))
        expectGone(pairDirectories(running, waitingUpTo: 0))
    }

    @Test func publisherFirstDropSucceedsAsJSON() throws {
        let directory = try project("-- replint: apply-order publisher-first\nALTER TABLE hbi.hosts DROP COLUMN canonical_facts;\n")
        let running = try RehearseCommandTests.Running(
            ["rehearse", "--replication", "migration.sql", "--schema", "schema.sql", "--format", "json", "--traffic", "all"],
            in: directory)
        #expect(running.wait() == 0, "\(running.stdout)\(running.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(running.stdout.utf8)) as? [String: Any])
        #expect(json["apply_order"] as? String == "publisher-first")
        let baselines = try #require(json["baselines"] as? [[String: Any]])
        #expect(baselines.map { $0["side"] as? String } == ["publisher", "subscriber"])
        #expect(baselines.map { $0["files"] as? [String] } == [["schema.sql"], ["schema.sql"]])
        #expect(json["exit_code"] as? Int == 0)
        let phases = json["phases"] as? [[String: Any]] ?? []
        #expect(phases.map { $0["side"] as? String } == ["publisher", "subscriber"])
        #expect(phases.allSatisfy { ($0["problems"] as? [Any])?.isEmpty == true })
        expectGone(pairDirectories(running, waitingUpTo: 0))
    }

    @Test func sigtermStopsBothClustersAndExits143() throws {
        let directory = try project("BEGIN;\nSELECT pg_sleep(120);\nCOMMIT;\n")
        let running = try RehearseCommandTests.Running(
            ["rehearse", "--replication", "migration.sql", "--schema", "schema.sql"], in: directory)
        let clusters = pairDirectories(running)
        try #require(clusters.count == 2, "\(running.stderr)")
        // The first phase is inside pg_sleep on the subscriber by now, or about to be.
        usleep(500_000)
        kill(running.process.processIdentifier, SIGTERM)
        #expect(running.wait() == 143)
        expectGone(clusters)
    }

    @Test func lintRehearseReplicationPutsBothInOneReport() throws {
        let directory = try project("ALTER TABLE hbi.hosts ADD COLUMN last_check_in timestamptz;\n")
        let outcome = try ReplintProcess.run(
            ["lint", "migration.sql", "--schema", "schema.sql", "--rehearse-replication", "--format", "json"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let rehearsals = outcome.json["replication_rehearsals"] as? [[String: Any]] ?? []
        #expect(rehearsals.count == 1)
        #expect(rehearsals.first?["path"] as? String == "migration.sql")
        #expect(outcome.json["lint"] != nil)
    }

    /// The pull-request comment of a replication rehearsal that breaks: its verdict in the summary, and the
    /// problem in PostgreSQL's words and the confirmed finding listed above the full text.
    @Test func markdownListsTheReplicationProblemsInTheRehearsalsSection() throws {
        let directory = try project("ALTER TABLE hbi.hosts DROP COLUMN canonical_facts;\n")
        let outcome = try ReplintProcess.run(
            ["lint", "migration.sql", "--schema", "schema.sql", "--rehearse-replication", "--plan", "--format", "markdown"], in: directory)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let text = outcome.stdout
        #expect(text.contains(try Regex(#"<details><summary><b>Replication rehearsal of migration\.sql</b>: failed: [1-9]\d* replication problem\(s\)</summary>\n\n"#)), "\(text)")
        #expect(text.contains("\n- phase 1, apply-error on the subscriber (line 1): logical replication target relation \"hbi.hosts\" is missing replicated column: \"canonical_facts\""))
        #expect(text.contains("\n- line 1 replication-apply-order: confirmed\n"))
        #expect(text.contains("<details><summary><b>Plan of migration.sql</b>: every statement needs publisher-first"))
        #expect(text.contains("verdict: FAILED (exit 1)"))
    }

    @Test func badOptionsAreExitTwo() throws {
        let directory = try project("SELECT 1;\n")
        let traffic = try ReplintProcess.run(["rehearse", "--replication", "migration.sql", "--traffic", "some"], in: directory)
        #expect(traffic.status == 2)
        // The parser rejects it, naming the values it takes.
        #expect(traffic.stderr.contains("The value 'some' is invalid for '--traffic <traffic>'. Please provide one of 'touched' and 'all'."))
        let timeout = try ReplintProcess.run(["rehearse", "--replication", "migration.sql", "--catch-up-timeout", "soon"], in: directory)
        #expect(timeout.status == 2)
    }
}
