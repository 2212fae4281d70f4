import Foundation
import Testing
import Lint
import Reporters
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
}
