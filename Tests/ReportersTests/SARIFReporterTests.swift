import Foundation
import Testing
import Lint
import Reporters
import Rules

@Suite struct SARIFReporterTests {
    let sql = """
        BEGIN;
        UPDATE alembic_version SET version_num = 'b';
        -- replint-ignore alembic-version-table this database keeps its alembic history
        DELETE FROM alembic_version;
        COMMIT;

        """

    func sarif(_ report: LintReport) throws -> [String: Any] {
        try #require(try ReportFixture.json(SARIFReporter(ReportFixture.setting).render(report)) as? [String: Any])
    }

    func run(_ root: [String: Any]) throws -> [String: Any] {
        try #require((root["runs"] as? [[String: Any]])?.first)
    }

    func results(_ root: [String: Any]) throws -> [[String: Any]] {
        try #require(try run(root)["results"] as? [[String: Any]])
    }

    @Test func theDriverListsEveryRuleWithItsMetadata() throws {
        let root = try sarif(try ReportFixture.report(sql))
        #expect(root["version"] as? String == "2.1.0")
        let run = try run(root)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == RuleRegistry.all.map(\.id.rawValue))
        let first = rules[0]
        #expect((first["shortDescription"] as? [String: Any])?["text"] as? String == RuleRegistry.all[0].description.summary)
        #expect((first["fullDescription"] as? [String: Any])?["text"] as? String == RuleRegistry.all[0].description.rationale)
        #expect(((first["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        #expect((first["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// By default every rule's helpUri is its page under rules/ of the replint that runs, and that page exists.
    @Test func helpUriIsTheRulesPageOfTheCheckoutThatBuiltReplint() throws {
        let base = try #require(RulePages.base(configured: nil, executable: Self.repository + "/.build/x86_64-unknown-linux-gnu/debug/replint"))
        #expect(base == "file://\(Self.repository)/rules/")
        var setting = ReportFixture.setting
        setting.rulePageBase = base
        let root = try #require(try ReportFixture.json(SARIFReporter(setting).render(try ReportFixture.report(sql))) as? [String: Any])
        let driver = try #require((try run(root)["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleRegistry.all.count)
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            let uri = try #require(rule["helpUri"] as? String, "\(id) has no helpUri")
            #expect(uri == base + id + ".md")
            #expect(FileManager.default.fileExists(atPath: String(uri.dropFirst("file://".count))), "\(uri)")
        }
    }

    @Test func helpUriOfAnInstalledReplintIsItsInstalledPagesAndTheConfigurationWins() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("replint-prefix-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        try FileManager.default.createDirectory(atPath: prefix + "/share/doc/replint/rules", withIntermediateDirectories: true)
        try "# rules\n".write(toFile: prefix + "/share/doc/replint/rules/README.md", atomically: true, encoding: .utf8)
        #expect(RulePages.base(configured: nil, executable: prefix + "/bin/replint") == "file://\(prefix)/share/doc/replint/rules/")
        #expect(RulePages.base(configured: "https://example.com/rules/", executable: prefix + "/bin/replint") == "https://example.com/rules/")
    }

    @Test func aResultHasItsRuleLevelAndOneRootRelativeLocation() throws {
        let results = try results(try sarif(try ReportFixture.report(sql)))
        let active = try #require(results.first { $0["suppressions"] == nil })
        #expect(active["ruleId"] as? String == "alembic-version-table")
        #expect(active["level"] as? String == "error")
        let locations = try #require(active["locations"] as? [[String: Any]])
        #expect(locations.count == 1)
        let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "app_migrations/m.sql")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(physical["region"] as? [String: Any])
        // `alembic_version` on line 2, columns 8 to 23 (end exclusive).
        #expect(region["startLine"] as? Int == 2)
        #expect(region["startColumn"] as? Int == 8)
        #expect(region["endLine"] as? Int == 2)
        #expect(region["endColumn"] as? Int == 23)
    }

    @Test func aSuppressedFindingIsListedWithItsReason() throws {
        let results = try results(try sarif(try ReportFixture.report(sql)))
        let suppressed = try #require(results.first { $0["suppressions"] != nil })
        #expect(suppressed["ruleId"] as? String == "alembic-version-table")
        let entry = try #require((suppressed["suppressions"] as? [[String: Any]])?.first)
        #expect(entry["kind"] as? String == "inSource")
        #expect(entry["justification"] as? String == "this database keeps its alembic history")
    }

    func fingerprints(_ sql: String) throws -> [String] {
        try results(try sarif(try ReportFixture.report(sql))).compactMap {
            ($0["partialFingerprints"] as? [String: Any])?["replint/v1"] as? String
        }
    }

    @Test func fingerprintsSurviveLinesInsertedAbove() throws {
        let before = try fingerprints(sql)
        let after = try fingerprints("-- a comment\n\n\n" + sql)
        #expect(before.count == 2)
        #expect(Set(before).count == 2)
        #expect(before == after)
        // A different statement is a different finding.
        let changed = try fingerprints(sql.replacingOccurrences(of: "'b'", with: "'c'"))
        #expect(changed[0] != before[0])
    }

    @Test func identicalFindingsGetDistinctFingerprints() throws {
        let twice = "UPDATE alembic_version SET version_num = 'b';\nUPDATE alembic_version SET version_num = 'b';\n"
        let prints = try fingerprints(twice)
        #expect(prints.count == 2)
        #expect(prints[0] != prints[1])
    }

    @Test func pathsOutsideTheRootClimbAndUnusualCharactersArePercentEncoded() throws {
        let report = try ReportFixture.report("UPDATE alembic_version SET version_num = 'b';", path: "/elsewhere/my file.sql")
        let result = try #require(try results(try sarif(report)).first)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "../elsewhere/my%20file.sql")
    }

    /// sarif-tools (PyPI) reads the file as code-scanning tools do and counts its results by level.
    @Test func sarifToolsReadsIt() throws {
        let report = try ReportFixture.report([
            ("/repo/app_migrations/a.sql", sql),
            ("/repo/app_migrations/b.sql", "CREATE TABLE t (id int);\n-- replint-ignore no-such-rule typo\nSELECT 1;\n"),
        ])
        let text = SARIFReporter(ReportFixture.setting).render(report)
        let summary = try ReportConsumer.run("sarif", ["summary"], input: text, fileExtension: "sarif")
        #expect(summary.status == 0, "\(summary.output)")
        // sarif-tools counts suppressed results with the others.
        let all = report.findings + report.suppressed.map(\.finding)
        let expectedErrors = all.filter { $0.severity == .error }.count
        let expectedWarnings = all.filter { $0.severity == .warning }.count
        #expect(expectedErrors >= 2 && expectedWarnings >= 1)
        #expect(summary.output.contains("error: \(expectedErrors)"), "\(summary.output)")
        #expect(summary.output.contains("warning: \(expectedWarnings)"), "\(summary.output)")
        let csv = try ReportConsumer.run("sarif", ["csv"], input: text, fileExtension: "sarif", writesFile: true)
        #expect(csv.status == 0, "\(csv.output)")
        #expect(csv.output.contains("app_migrations/a.sql"), "\(csv.output)")
        #expect(csv.output.contains("alembic-version-table"), "\(csv.output)")
    }
}
