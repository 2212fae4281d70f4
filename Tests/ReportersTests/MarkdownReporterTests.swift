import Foundation
import Testing
import Lint
import Reporters
import ReportSections
import Rules

@Suite struct MarkdownReporterTests {
    @Test func aSummaryLineThenFindingsByFileWithLineLinks() throws {
        let report = try ReportFixture.report([
            ("/repo/a.sql", "SELECT 1;\nUPDATE alembic_version SET version_num = 'b';\n"),
            ("/repo/b.sql", "-- replint-ignore alembic-version-table kept on purpose\nDELETE FROM alembic_version;\n"),
        ])
        var setting = ReportFixture.setting
        setting.fileLinkBase = "https://github.com/o/r/blob/abc/"
        let text = MarkdownReporter(setting).render(report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "### replint: 1 error, 0 warnings in 2 files (1 suppressed)")
        #expect(text.contains("**`a.sql`**"))
        #expect(!text.contains("**`b.sql`**"))
        #expect(text.contains("`alembic-version-table` [line 2](https://github.com/o/r/blob/abc/a.sql#L2):"))
    }

    @Test func sectionsAreCollapsibleAndNothingInThemClosesTheirBlock() throws {
        let section = MarkdownSection(title: "Rehearsal of a.sql", verdict: "passed", body: "``` not a fence end\nline two")
        let text = MarkdownReporter(ReportFixture.setting, sections: [section]).render(try ReportFixture.report("SELECT 1;\n"))
        #expect(text.contains("<details><summary><b>Rehearsal of a.sql</b>: passed</summary>"))
        #expect(text.contains("````text\n``` not a fence end\nline two\n````\n"))
        #expect(text.hasSuffix("</details>\n"))
    }

    @Test func aLongReportStaysUnderTheLimitAndSummarisesTheTail() throws {
        let statement = "UPDATE alembic_version SET version_num = 'b';\n"
        let files = (0..<40).map { ("/repo/f\($0).sql", String(repeating: statement, count: 100)) }
        let report = try ReportFixture.report(files)
        #expect(report.findings.count == 4000)
        let section = MarkdownSection(title: "Rehearsal", verdict: "failed", body: String(repeating: "lock taken\n", count: 20_000))
        let text = MarkdownReporter(ReportFixture.setting, sections: [section]).render(report)
        #expect(text.unicodeScalars.count < MarkdownReporter.limit)
        let shown = text.components(separatedBy: "- 🔴 error").count - 1
        #expect(shown > 50)
        #expect(text.contains("…and \(4000 - shown) more findings (\(4000 - shown) at error level)"))
        #expect(text.contains("(cut for GitHub's comment size limit)"))
        #expect(text.hasSuffix("</details>\n"))
    }

    /// `lint --plan`: the planner's own plan of a file that needs both orders, as a section listing its parts.
    @Test func aSplitFilesPlanIsASectionListingItsPartsInShippingOrder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replint-md-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/split.sql"
        try "ALTER TABLE t ADD COLUMN c int;\nALTER TABLE t DROP COLUMN d;\n".write(toFile: path, atomically: true, encoding: .utf8)
        let session = LintSession(configuration: Configuration(), rules: RuleRegistry.all)
        let report = session.run(paths: [path])
        let plans = MigrationPlanner.plans(for: report, session: session)
        #expect(plans.count == 1)
        let setting = ReportSetting(rules: RuleRegistry.all.map(\.description), root: directory)
        let text = MarkdownReporter(setting, sections: plans.map { PlanSection.of($0, path: "split.sql") }).render(report)
        #expect(text.contains("<details><summary><b>Plan of split.sql</b>: the statements need different orders: "
                              + "split the file into the parts below, shipped in this order</summary>\n\n"
                              + "- part 1, subscriber-first: ALTER TABLE t ADD COLUMN c int;\n"
                              + "- part 2, publisher-first: ALTER TABLE t DROP COLUMN d;\n\n```text\n"), "\(text)")
        #expect(text.contains("part 2: -- replint: apply-order publisher-first\n  ALTER TABLE t DROP COLUMN d;\n```\n\n</details>\n"))
    }

    /// Items come first and are bounded; the full text is what gets cut.
    @Test func aSectionsItemsAreListedAboveItsTextAndBounded() throws {
        let items = (1...40).map { "lock line \($0): ACCESS EXCLUSIVE on t\($0) blocks reads and writes" }
        let section = MarkdownSection(title: "Rehearsal of a.sql", verdict: "rehearsed", items: items, body: "the text")
        let text = MarkdownReporter(ReportFixture.setting, sections: [section]).render(try ReportFixture.report("SELECT 1;\n"))
        #expect(text.contains("</summary>\n\n- lock line 1: ACCESS EXCLUSIVE on t1 blocks reads and writes\n"))
        #expect(text.contains("- lock line 30: ACCESS EXCLUSIVE on t30 blocks reads and writes\n- …and 10 more in the text below\n\n```text\nthe text\n```"))
        #expect(!text.contains("t31 "))
    }

    @Test func ruleLinksUseConfiguredPagesButNeverALocalFile() throws {
        let report = try ReportFixture.report("UPDATE alembic_version SET version_num = 'b';\n")
        var setting = ReportFixture.setting
        setting.rulePageBase = "file:///usr/local/share/doc/replint/rules/"
        #expect(MarkdownReporter(setting).render(report).contains("- 🔴 error `alembic-version-table` [line 1]"))
        setting.rulePageBase = "https://example.com/rules/"
        #expect(MarkdownReporter(setting).render(report).contains("[`alembic-version-table`](https://example.com/rules/alembic-version-table.md)"))
    }
}
