import Foundation
import Testing

@Suite struct LintCommandTests {
    let fixtures = ReplintProcess.repository.appendingPathComponent("Tests/Fixtures")

    @Test func seedSampleReportsLogLineAndAlembicVersion() throws {
        let r = try ReplintProcess.run(["lint", "--format", "json", fixtures.appendingPathComponent("seed/add_tags_alt.sql").path])
        #expect(r.status == 1)
        let alembic = r.findings.filter { ($0["category"] as? String) == "alembic" }
        #expect(alembic.map { $0["rule"] as? String } == ["alembic-log-line", "alembic-version-table"])
        #expect(alembic.map { $0["line"] as? Int } == [1, 10])
        #expect(!r.rules().contains("syntax-error"))
    }

    @Test func syntaxErrorInTheMiddleLeavesTheRestLinted() throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("m.sql")
        try "-- ünïcödé ✓\nSELECT 1;\nALTER TABLE hbi.hosts ADD COLUMN ñ inx int;\nUPDATE alembic_version SET version_num = 'x';\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let r = try ReplintProcess.run(["lint", "--format", "json", file.path])
        #expect(r.status == 1)
        #expect(r.rules() == ["syntax-error", "alembic-version-table"])
        #expect(r.findings.first?["line"] as? Int == 3)
        #expect(r.findings.first?["column"] as? Int == 40)
    }

    @Test func emptyFileWarnsAndFailOnWarningFails() throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("empty.sql")
        try Data().write(to: file)
        let lenient = try ReplintProcess.run(["lint", "--format", "json", file.path])
        #expect(lenient.status == 0)
        #expect(lenient.rules() == ["empty-migration"])
        let strict = try ReplintProcess.run(["lint", "--fail-on", "warning", file.path])
        #expect(strict.status == 1)
    }

    @Test func unreadableFilesAreExitTwoAndTheOthersAreStillLinted() throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x53, 0x45, 0x00, 0x4C]).write(to: dir.appendingPathComponent("a_binary.sql"))
        try Data([0x53, 0x27, 0xE9, 0x27, 0x3B]).write(to: dir.appendingPathComponent("b_latin1.sql"))
        try "UPDATE alembic_version SET version_num = 'x';\n".write(to: dir.appendingPathComponent("c_good.sql"), atomically: true, encoding: .utf8)
        let r = try ReplintProcess.run(["lint", dir.path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("a_binary.sql: contains a NUL byte"))
        #expect(r.stdout.contains("b_latin1.sql: is not valid UTF-8"))
        #expect(r.stdout.contains("c_good.sql:1:8: error[alembic-version-table]"))
    }

    @Test func missingPathAndFolderWithoutSQLAreExitTwo() throws {
        let missing = try ReplintProcess.run(["lint", "/nonexistent/migrations"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("/nonexistent/migrations"))
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let empty = try ReplintProcess.run(["lint", dir.path])
        #expect(empty.status == 2)
        #expect(empty.stdout.contains("no .sql files"))
    }

    @Test func badArgumentsAreExitTwo() throws {
        #expect(try ReplintProcess.run(["lint", "--format", "yaml"]).status == 2)
        #expect(try ReplintProcess.run(["lint", "--no-such-flag"]).status == 2)
        #expect(try ReplintProcess.run(["lint", "--fail-on", "info"]).status == 2)
        #expect(try ReplintProcess.run(["explain", "no-such-rule"]).status == 2)
    }

    @Test func badConfigurationIsExitTwoNamingKeyAndLine() throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "fail_on: error\nshema: x.sql\n".write(to: dir.appendingPathComponent(".replint.yml"), atomically: true, encoding: .utf8)
        try "SELECT 1;\n".write(to: dir.appendingPathComponent("a.sql"), atomically: true, encoding: .utf8)
        let r = try ReplintProcess.run(["lint", "a.sql"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains(":2: unknown key `shema`"))
    }

    @Test func theProjectsOwnMigrationsPass() throws {
        let r = try ReplintProcess.run(["lint", "--format", "json"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let files = (r.json["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(files.count >= 2)
        #expect(!files.contains { $0.hasSuffix("schema.sql") })
    }

    @Test func fixCleansTheSeedSample() throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("6f44b7ecd7be.sql")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("seed/add_tags_alt.sql"), to: copy)
        let fix = try ReplintProcess.run(["fix", copy.path])
        #expect(fix.status == 0)
        let text = try String(contentsOf: copy, encoding: .utf8)
        #expect(!text.contains("INFO"))
        #expect(!text.contains("alembic_version"))
        #expect(text.contains("ALTER TABLE hbi.hosts ADD COLUMN tags_alt JSONB;"))
        #expect(try ReplintProcess.run(["lint", copy.path]).status == 0)
    }

    @Test func rulesAndExplain() throws {
        let rules = try ReplintProcess.run(["rules"])
        #expect(rules.status == 0)
        for id in ["alembic-log-line", "alembic-version-table", "syntax-error", "transaction-control", "empty-migration"] {
            #expect(rules.stdout.contains(id))
        }
        let explain = try ReplintProcess.run(["explain", "transaction-control"])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("# transaction-control"))
    }

    /// `replint [lint] PATH...` without options skips the argument parser;
    /// it must behave exactly as the parsed command with its defaults.
    @Test func theOptionlessFormMatchesTheParsedCommand() throws {
        let file = fixtures.appendingPathComponent("seed/add_tags_alt.sql").path
        let parsed = try ReplintProcess.run(["lint", "--format", "text", "--color", "auto", file])
        for form in [["lint", file], [file]] {
            let fast = try ReplintProcess.run(form)
            #expect(fast.status == parsed.status, "\(form)")
            #expect(fast.stdout == parsed.stdout, "\(form)")
        }
        let missing = try ReplintProcess.run(["lint", "/nonexistent/x.sql"])
        #expect(missing.status == 2)
    }
}
