import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The action's shell steps (ci/github/*.sh), run here as the runner runs
/// them: the `GITHUB_*` files are temporary files, and the comment step
/// talks to a stand-in for GitHub's REST API on loopback
/// (Tests/Fixtures/github-api/server.py) that records every request.
@Suite struct ActionScriptTests {
    static let scripts = ReplintProcess.repository.appendingPathComponent("ci/github")
    static let dirty = "INFO  [alembic.runtime.migration] Running upgrade a -> b\nUPDATE alembic_version SET version_num='b';\n"
    static let clean = "CREATE TABLE t (id bigint PRIMARY KEY);\n"

    /// A project with a dirty and a clean migration, and the runner's files.
    struct Job {
        let root: URL
        var output: URL { root.appendingPathComponent("github-output") }
        var summary: URL { root.appendingPathComponent("step-summary") }

        init() throws {
            root = try ReplintProcess.temporaryDirectory()
            let migrations = root.appendingPathComponent("app_migrations")
            try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
            try ActionScriptTests.dirty.write(to: migrations.appendingPathComponent("dirty.sql"), atomically: true, encoding: .utf8)
            try ActionScriptTests.clean.write(to: migrations.appendingPathComponent("clean.sql"), atomically: true, encoding: .utf8)
            for file in [output, summary] { FileManager.default.createFile(atPath: file.path, contents: nil) }
        }

        func lint(_ inputs: [String: String]) throws -> TimedProcess.Outcome {
            var environment = ["GITHUB_OUTPUT": output.path, "GITHUB_STEP_SUMMARY": summary.path,
                               "RUNNER_TEMP": root.appendingPathComponent("runner-temp").path,
                               "REPLINT_BIN": ReplintProcess.binary.path, "NO_COLOR": "1"]
            environment.merge(inputs) { $1 }
            return try TimedProcess.run("/bin/bash", [scripts.appendingPathComponent("lint.sh").path], in: root,
                                        environment: environment, seconds: 600)  // a rehearsal starts servers
        }

        /// The step's outputs, as the runner reads `name=value` lines.
        func outputs() throws -> [String: String] {
            let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
            return Dictionary(lines.map { line in
                let parts = line.split(separator: "=", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }) { $1 }
        }

        func summaryText() throws -> String { try String(contentsOf: summary, encoding: .utf8) }
    }

    @Test func lintWritesSARIFTheSummaryAndTheExitCode() throws {
        let job = try Job()
        let run = try job.lint(["REPLINT_PATHS": "app_migrations/", "REPLINT_REHEARSE": "none"])
        #expect(run.status == 0, "the step itself succeeds, so that the upload and the comment follow: \(run.transcript)")
        let outputs = try job.outputs()
        #expect(outputs["exit-code"] == "1")

        let sarifPath = try #require(outputs["sarif"])
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarifPath))) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let located = results.map { result -> String in
            let location = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
            return "\(result["ruleId"] as? String ?? "?") \(location?["uri"] as? String ?? "?")"
        }
        #expect(located.sorted() == ["alembic-log-line app_migrations/dirty.sql", "alembic-version-table app_migrations/dirty.sql"])

        let summary = try job.summaryText()
        #expect(summary.hasPrefix("### replint: 2 errors"), "\(summary)")
        #expect(summary.contains("**`app_migrations/dirty.sql`**"))
        #expect(summary.contains("`alembic-version-table` [line 2](app_migrations/dirty.sql#L2)"))
        let markdown = try String(contentsOf: URL(fileURLWithPath: try #require(outputs["markdown"])), encoding: .utf8)
        #expect(markdown == summary, "the comment posts what the summary shows")
    }

    @Test func pathsConfigAndFailOnReachReplint() throws {
        let job = try Job()
        // Newline-separated paths, a configuration that turns both dirty rules
        // off, and fail-on warning: the clean file's nothing and the dirty
        // file's nothing make exit 0.
        let config = job.root.appendingPathComponent("ci-replint.yml")
        try "rules: {alembic-log-line: off, alembic-version-table: off}\n".write(to: config, atomically: true, encoding: .utf8)
        let relaxed = try job.lint(["REPLINT_PATHS": "app_migrations/clean.sql\napp_migrations/dirty.sql",
                                    "REPLINT_CONFIG": config.path, "REPLINT_FAIL_ON": "warning"])
        #expect(relaxed.status == 0, "\(relaxed.transcript)")
        #expect(try job.outputs()["exit-code"] == "0")
        let summary = try job.summaryText()
        #expect(summary.hasPrefix("### replint: ") && summary.contains("in 2 files"), "\(summary)")

        let strict = try Job()
        try "CREATE TABLE t (id int PRIMARY KEY);\n".write(to: strict.root.appendingPathComponent("app_migrations/clean.sql"),
                                                           atomically: true, encoding: .utf8)
        _ = try strict.lint(["REPLINT_PATHS": "app_migrations/clean.sql", "REPLINT_FAIL_ON": "warning"])
        #expect(try strict.outputs()["exit-code"] == "1", "a warning fails the job with fail-on warning")
    }

    @Test func aBadInputIsExit2WithItsName() throws {
        let job = try Job()
        let rehearse = try job.lint(["REPLINT_PATHS": "app_migrations/", "REPLINT_REHEARSE": "twice"])
        #expect(rehearse.status == 2)
        #expect(rehearse.stderr.contains("rehearse must be none, single or replication, not `twice`"), "\(rehearse.transcript)")
        #expect(try job.outputs()["exit-code"] == nil)

        let missing = try job.lint(["REPLINT_PATHS": "no-such-folder/"])
        #expect(missing.status == 0, "\(missing.transcript)")
        #expect(try job.outputs()["exit-code"] == "2", "replint could not do its job: the verdict step says so")
    }

    @Test func everyStepOfTheActionIsAScriptHereThatBashReads() throws {
        let action = try TimedProcess.yaml(ReplintProcess.repository.appendingPathComponent("action.yml"))
        let steps = ((action["runs"] as? [String: Any])?["steps"] as? [[String: Any]]) ?? []
        let commands = steps.compactMap { $0["run"] as? String }
        #expect(commands.count == 5)
        for command in commands {
            let name = try #require(command.firstMatch(of: /^bash "\$GITHUB_ACTION_PATH\/ci\/github\/([a-z]+\.sh)"$/)?.1,
                                    "a step runs one script, no logic of its own: \(command)")
            let script = Self.scripts.appendingPathComponent(String(name))
            let text = try String(contentsOf: script, encoding: .utf8)
            #expect(text.hasPrefix("#!/usr/bin/env bash\n") && text.contains("\nset -euo pipefail\n"), "\(name)")
            let parsed = try TimedProcess.run("/bin/bash", ["-n", script.path], seconds: 30)
            #expect(parsed.status == 0, "\(name): \(parsed.transcript)")
        }
        let inputs = (action["inputs"] as? [String: Any]).map { Set($0.keys) } ?? []
        #expect(inputs == ["paths", "config", "fail-on", "rehearse", "comment", "token"])
        #expect((action["description"] as? String ?? "").contains("Debian 12"))
        let uploads = steps.compactMap { $0["uses"] as? String }
        #expect(uploads.count == 1 && uploads[0].hasPrefix("github/codeql-action/upload-sarif@"))
    }

    @Test func aProgramThatHangsIsEndedWithItsChildren() throws {
        let started = Date()
        let pidFile = try ReplintProcess.temporaryDirectory().appendingPathComponent("child.pid")
        let hung = try TimedProcess.run("/bin/bash", ["-c", "sleep 300 & echo $! > \"$1\"; sleep 300", "bash", pidFile.path],
                                        seconds: 1, grace: 1)
        #expect(hung.timedOut, "\(hung.transcript)")
        #expect(Date().timeIntervalSince(started) < 30)
        let child = try #require(Int32(try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        var gone = false
        for _ in 0..<50 where !gone {
            gone = kill(child, 0) != 0
            if !gone { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(gone, "the background child \(child) outlived the timeout")
    }

    @Test func theVerdictFailsTheJobWithReplintsExitCode() throws {
        for code in ["0", "1", "2"] {
            let verdict = try TimedProcess.run("/bin/bash", [Self.scripts.appendingPathComponent("verdict.sh").path],
                                               environment: ["REPLINT_EXIT_CODE": code], seconds: 30)
            #expect(verdict.status == Int32(code), "\(verdict.transcript)")
        }
    }
}
