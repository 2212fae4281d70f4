import Foundation
import Testing

/// `lint`'s output formats, `--output`, `--select`/`--extend-select`/`--ignore` and standard input, end to end.
@Suite struct LintOptionsTests {
    let migration = "BEGIN;\nUPDATE alembic_version SET version_num = 'b';\nCOMMIT;\n"

    func project() throws -> URL {
        let dir = try ReplintProcess.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("app_migrations"), withIntermediateDirectories: true)
        try "fail_on: error\n".write(to: dir.appendingPathComponent(".replint.yml"), atomically: true, encoding: .utf8)
        try migration.write(to: dir.appendingPathComponent("app_migrations/m.sql"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func outputWritesTheFormatToAFileAndKeepsTheExitCode() throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("app_migrations")
        let r = try ReplintProcess.run(["lint", "--format", "sarif", "--output", "out.sarif"], in: sub)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let sarif = try Data(contentsOf: sub.appendingPathComponent("out.sarif"))
        let root = try #require(try JSONSerialization.jsonObject(with: sarif) as? [String: Any])
        let result = try #require(((root["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        // Relative to the configuration file's folder, not to the working directory.
        #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "app_migrations/m.sql")
    }

    @Test(arguments: ["text", "json", "sarif", "github", "gitlab", "junit", "markdown"])
    func theExitCodeDoesNotDependOnTheFormat(format: String) throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let failing = try ReplintProcess.run(["lint", "--format", format], in: dir)
        #expect(failing.status == 1)
        #expect(!failing.stdout.isEmpty)
        let passing = try ReplintProcess.run(["lint", "--format", format, "--ignore", "alembic-version-table"], in: dir)
        #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
    }

    @Test func selectAndIgnoreTakeRulesAndCategories() throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "-- nothing yet\n".write(to: dir.appendingPathComponent("app_migrations/empty.sql"), atomically: true, encoding: .utf8)
        let all = try ReplintProcess.run(["lint", "--format", "json"], in: dir)
        #expect(Set(all.rules()) == ["alembic-version-table", "empty-migration"])
        let selected = try ReplintProcess.run(["lint", "--format", "json", "--select", "empty-migration"], in: dir)
        #expect(selected.rules() == ["empty-migration"])
        let ignored = try ReplintProcess.run(["lint", "--format", "json", "--select", "alembic", "--ignore", "empty-migration"], in: dir)
        #expect(ignored.rules() == ["alembic-version-table"])
        #expect(ignored.status == 1)
        let unknown = try ReplintProcess.run(["lint", "--ignore", "empty-migraton"], in: dir)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--ignore: `empty-migraton` is neither a rule nor a category (did you mean `empty-migration`?)"))
    }

    @Test func standardInputIsLintedUnderTheGivenPath() throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ReplintProcess.run(["lint", "-", "--stdin-filepath", "app_migrations/edited.sql", "--format", "json"], in: dir,
                                       input: migration)
        #expect(r.status == 1)
        #expect(r.rules() == ["alembic-version-table"])
        #expect(r.findings.first?["path"] as? String == "app_migrations/edited.sql")
        #expect(r.findings.first?["line"] as? Int == 2)
        let text = try ReplintProcess.run(["lint", "-"], in: dir, input: "-- nothing yet\n")
        #expect(text.stdout.hasPrefix("-:1:1: warning[empty-migration]"), "\(text.stdout)")
        #expect(text.stdout.hasSuffix("0 error(s), 1 warning(s) in 1 file\n"))
    }

    @Test func standardInputGoesAlone() throws {
        let both = try ReplintProcess.run(["lint", "-", "x.sql"], input: "")
        #expect(both.status == 2)
        #expect(both.stderr.contains("`-` (standard input) cannot be linted together with other paths"))
        let named = try ReplintProcess.run(["lint", "x.sql", "--stdin-filepath", "y.sql"])
        #expect(named.status == 2)
        #expect(named.stderr.contains("--stdin-filepath names what `-` reads"))
    }

    /// A rehearsal nests in text, json or markdown, and --rehearse's verdicts in SARIF; the other formats have no place for them.
    @Test func rehearsalsTakeTextJSONOrMarkdown() throws {
        let r = try ReplintProcess.run(["lint", "--rehearse", "--format", "junit", "x.sql"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--rehearse reports as text, json, markdown or sarif, not `junit`"), "\(r.stderr)")
        let replication = try ReplintProcess.run(["lint", "--rehearse-replication", "--format", "sarif", "x.sql"])
        #expect(replication.status == 2)
        #expect(replication.stderr.contains("--rehearse-replication reports as text, json or markdown, not `sarif`"), "\(replication.stderr)")
    }

    @Test func suppressedFindingsAreCountedInTheTextSummary() throws {
        let sql = "BEGIN;\n-- replint-ignore alembic-version-table this database keeps alembic history\nUPDATE alembic_version SET version_num = 'b';\nCOMMIT;\n"
        let r = try ReplintProcess.run(["lint", "-"], input: sql)
        #expect(r.status == 0)
        #expect(r.stdout == "0 error(s), 0 warning(s) in 1 file, 1 suppressed\n")
    }
}
