import Foundation
import Testing

@Suite struct RulesCommandTests {
    @Test func rulesAsJSON() throws {
        let r = try ReplintProcess.run(["rules", "--format", "json"])
        #expect(r.status == 0)
        #expect(r.json["version"] as? Int == 1)
        let rules = r.json["rules"] as? [[String: Any]] ?? []
        let text = try ReplintProcess.run(["rules"])
        #expect(rules.count == text.stdout.split(separator: "\n").count)
        let rename = try #require(rules.first { $0["id"] as? String == "replication-rename" })
        #expect(rename["category"] as? String == "replication")
        #expect(rename["default_severity"] as? String == "error")
        #expect((rename["summary"] as? String)?.isEmpty == false)
        #expect(rules.first.map { Array($0.keys).sorted() } == ["aliases", "category", "default_severity", "enabled_by_default", "id", "name", "summary"])
    }

    @Test func writeDocsCreatesTheFolder() throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("docs/rules")
        let r = try ReplintProcess.run(["rules", "--write-docs", folder.path])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("replication-rename.md"), encoding: .utf8)
        #expect(page.hasPrefix("# replication-rename"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("README.md").path))
        // Again into the folder it made: no error.
        #expect(try ReplintProcess.run(["rules", "--write-docs", folder.path]).status == 0)
        try "x".write(to: dir.appendingPathComponent("file"), atomically: true, encoding: .utf8)
        let blocked = try ReplintProcess.run(["rules", "--write-docs", dir.appendingPathComponent("file/rules").path])
        #expect(blocked.status == 2)
        #expect(blocked.stderr.contains("exists and is not a folder"))
    }

    @Test func explainIgnoresCaseAndSuggestsTheNearestRule() throws {
        let upper = try ReplintProcess.run(["explain", "Replication-Rename"])
        #expect(upper.status == 0)
        #expect(upper.stdout == (try ReplintProcess.run(["explain", "replication-rename"])).stdout)
        let typo = try ReplintProcess.run(["explain", "replication-renam"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown rule `replication-renam` (did you mean `replication-rename`?)"))
        let unknown = try ReplintProcess.run(["explain", "zzz"])
        #expect(unknown.status == 2)
        #expect(!unknown.stderr.contains("did you mean"))
    }

    @Test func anUnknownSubcommandSuggestsTheNearest() throws {
        let r = try ReplintProcess.run(["lnt"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown command `lnt` (did you mean `lint`?)"))
        let rehearse = try ReplintProcess.run(["rehers", "x.sql"])
        #expect(rehearse.stderr.contains("did you mean `rehearse`?"))
        // A word that is a file is a path to lint, never a command.
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "SELECT 1;\n".write(to: dir.appendingPathComponent("lnt"), atomically: true, encoding: .utf8)
        #expect(!(try ReplintProcess.run(["lnt"], in: dir)).stderr.contains("unknown command"))
    }

    @Test func aConfiguredRuleIdIgnoresCaseAndSuggests() throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "SELECT 1;\nUPDATE alembic_version SET version_num = 'x';\n".write(to: dir.appendingPathComponent("a.sql"), atomically: true, encoding: .utf8)
        try "rules: {Alembic-Version-Table: off}\n".write(to: dir.appendingPathComponent(".replint.yml"), atomically: true, encoding: .utf8)
        #expect(try ReplintProcess.run(["a.sql"], in: dir).status == 0)
        try "rules: {alembic-version-tabel: off}\n".write(to: dir.appendingPathComponent(".replint.yml"), atomically: true, encoding: .utf8)
        let typo = try ReplintProcess.run(["a.sql"], in: dir)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("(did you mean `alembic-version-table`?)"))
    }
}
