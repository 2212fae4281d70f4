import Foundation
import Testing
import PGClient
import PGServers

/// What PostgreSQL 15 itself does with the statements replint refuses as
/// nested too deeply, and `rehearse` on one: a finding, never a crash.
@Suite struct DeepNestingOnServerTests {
    static let cases: [(String, String)] = [
        ("5,000 1+", "SELECT " + String(repeating: "1+", count: 5_000) + "1"),
        ("5,000 NOT", "SELECT " + String(repeating: "NOT ", count: 5_000) + "true"),
        ("5,000 ::int", "SELECT 1" + String(repeating: "::int", count: 5_000)),
        ("5,000 IS TRUE", "SELECT true" + String(repeating: " IS TRUE", count: 5_000)),
        ("100,000 NOT", "SELECT " + String(repeating: "NOT ", count: 100_000) + "true"),
    ]

    /// PostgreSQL's answers, asserted in its own words: the finding's
    /// message quotes them when PostgreSQL gives one.
    @Test func postgreSQLRefusesOrRunsThemWithoutCrashing() throws {
        let cluster = try EphemeralCluster.start()
        defer { cluster.stop() }
        let connection = try cluster.connect()
        defer { connection.close() }
        var answers: [String: String] = [:]
        for (name, sql) in Self.cases {
            do {
                _ = try connection.execute(sql)
                answers[name] = "ran"
            } catch let PostgresError.server(error) {
                answers[name] = error.message
            }
        }
        // Some it refuses, others it runs: replint's finding does not claim it would fail.
        #expect(answers == ["5,000 1+": "stack depth limit exceeded", "5,000 NOT": "ran", "5,000 ::int": "ran",
                            "5,000 IS TRUE": "ran", "100,000 NOT": "memory exhausted at or near \"NOT\""])
        #expect(try connection.execute("SELECT 1").rows == [["1"]])
    }

    @Test func rehearseReportsTheDeepStatementAndRunsTheRest() throws {
        let directory = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sql = "CREATE TABLE t (id int);\n" + Self.cases[0].1 + ";\nSELECT 1;\n"
        try sql.write(to: directory.appendingPathComponent("deep.sql"), atomically: true, encoding: .utf8)
        let outcome = try ReplintProcess.run(["rehearse", "deep.sql"], in: directory)
        #expect(outcome.status == 1 || outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(!outcome.stdout.isEmpty)
    }
}
