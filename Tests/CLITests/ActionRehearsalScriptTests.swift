import Foundation
import Testing

/// The action's `rehearse` input through ci/github/lint.sh: the Markdown
/// (job summary and comment) carries the rehearsal; the SARIF stays lint only.
/// replint starts its own throwaway PostgreSQL servers: a SERVER_SUITES suite.
@Suite struct ActionRehearsalScriptTests {
    @Test(arguments: [("single", "Rehearsal of app_migrations/clean.sql"),
                      ("replication", "app_migrations/clean.sql")])
    func theRehearsalIsInTheSummary(rehearse: String, title: String) throws {
        let job = try ActionScriptTests.Job()
        let run = try job.lint(["REPLINT_PATHS": "app_migrations/clean.sql", "REPLINT_REHEARSE": rehearse])
        #expect(run.status == 0, "\(run.transcript)")
        #expect(try job.outputs()["exit-code"] == "0")
        let summary = try job.summaryText()
        #expect(summary.hasPrefix("### replint: 0 errors"), "\(summary)")
        #expect(summary.contains("<details><summary><b>") && summary.contains(title), "\(summary)")
        #expect(summary.contains(rehearse == "single" ? "rolled back" : "subscriber"), "\(summary)")
        let sarif = try Data(contentsOf: URL(fileURLWithPath: try #require(try job.outputs()["sarif"])))
        #expect((try JSONSerialization.jsonObject(with: sarif) as? [String: Any])?["version"] as? String == "2.1.0")
    }
}
