import Foundation
import Testing
import Lint
import Reporters
import Rules

/// The formats for CI systems: GitHub workflow commands, GitLab Code Quality, JUnit.
@Suite struct CIFormatTests {
    let sql = "SELECT 1;\nUPDATE alembic_version SET version_num = 'b';\n"

    @Test func githubWritesOneWorkflowCommandPerFinding() throws {
        let text = GitHubReporter(ReportFixture.setting).render(try ReportFixture.report(sql))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1)
        let line = try #require(lines.first.map(String.init))
        #expect(line.hasPrefix("::error file=app_migrations/m.sql,line=2,col=8,endLine=2,endColumn=23,title=alembic-version-table::"))
        // The message and help are one line: the runner's escape for a line break.
        #expect(line.contains("%0Ahelp: "))
    }

    /// What the runner would read back: a property value escapes `%`, CR, LF, `:` and `,`; a message `%`, CR and LF.
    @Test func githubEscapesAsTheRunnerRequires() throws {
        let report = try ReportFixture.report("UPDATE alembic_version SET version_num = 'b';", path: "/repo/a,b:c%d.sql")
        let line = GitHubReporter(ReportFixture.setting).render(report)
        #expect(line.contains("file=a%2Cb%3Ac%25d.sql,"))
        let message = try #require(line.split(separator: "::", maxSplits: 2).last)
        #expect(!message.dropLast().contains("\n"))
        #expect(!message.contains("\r"))
    }

    @Test func warningsAndInfosAreTheirOwnCommands() throws {
        let text = GitHubReporter(ReportFixture.setting).render(try ReportFixture.report("-- replint-ignore syntax-error\nSELECT 1;\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("::warning file=") })
    }

    @Test func gitlabIsCodeQualityJSON() throws {
        let text = GitLabReporter(ReportFixture.setting).render(try ReportFixture.report(sql))
        let issues = try #require(try ReportFixture.json(text) as? [[String: Any]])
        #expect(issues.count == 1)
        let issue = issues[0]
        #expect(issue["check_name"] as? String == "alembic-version-table")
        #expect((issue["description"] as? String)?.isEmpty == false)
        #expect(issue["severity"] as? String == "blocker")
        let location = try #require(issue["location"] as? [String: Any])
        #expect(location["path"] as? String == "app_migrations/m.sql")
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 2)
        let moved = GitLabReporter(ReportFixture.setting).render(try ReportFixture.report("\n\n-- moved\n" + sql))
        let movedIssue = try #require((try ReportFixture.json(moved) as? [[String: Any]])?.first)
        #expect(movedIssue["fingerprint"] as? String == issue["fingerprint"] as? String)
        #expect((movedIssue["location"] as? [String: Any]).flatMap { ($0["lines"] as? [String: Any])?["begin"] as? Int } == 5)
    }

    @Test func gitlabSeverityFollowsLevelAndCategory() throws {
        let text = GitLabReporter(ReportFixture.setting).render(try ReportFixture.report(
            "-- replint-ignore syntax-error\nALTER TABLE hbi.hosts RENAME COLUMN a TO b;\n"))
        let issues = try #require(try ReportFixture.json(text) as? [[String: Any]])
        let severities = Dictionary(issues.compactMap { i in (i["check_name"] as? String).map { ($0, i["severity"] as? String) } }, uniquingKeysWith: { a, _ in a })
        #expect(severities["replication-rename"] == "critical")
        #expect(severities["suppression-without-reason"] == "minor")
    }

    func junit(_ report: LintReport, enabled: Set<RuleID>) -> String {
        var setting = ReportFixture.setting
        setting.enabled = enabled
        return JUnitReporter(setting).render(report)
    }

    @Test func junitHasASuiteAFileATestcaseARuleAndAFailureAFinding() throws {
        let report = try ReportFixture.report([
            ("/repo/a.sql", sql + "DELETE FROM alembic_version;\n"),
            ("/repo/b.sql", "SELECT 1;\n"),
        ])
        let xml = junit(report, enabled: ["alembic-version-table", "syntax-error", "alembic-log-line"])
        #expect(xml.contains("<testsuite name=\"a.sql\" tests=\"3\" failures=\"2\" errors=\"0\">"))
        #expect(xml.contains("<testsuite name=\"b.sql\" tests=\"3\" failures=\"0\" errors=\"0\">"))
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 2)
        #expect(xml.contains("<testcase name=\"syntax-error\" classname=\"b.sql\"/>"))
    }

    /// junitparser (PyPI), as CI plugins read JUnit: suites, cases and failures by count.
    @Test func junitparserReadsIt() throws {
        let report = try ReportFixture.report([
            ("/repo/a.sql", sql + "DELETE FROM alembic_version; -- <&\"odd\">\n"),
            ("/repo/b.sql", "SELECT 1;\n"),
        ])
        let enabled: Set<RuleID> = ["alembic-version-table", "syntax-error"]
        let script = """
            import sys
            from junitparser import JUnitXml, Failure
            xml = JUnitXml.fromfile(sys.argv[1])
            for suite in xml:
                failures = sum(1 for case in suite for r in case.result if isinstance(r, Failure))
                print(suite.name, suite.tests, suite.failures, failures, sorted(case.name for case in suite))
            """
        let read = try ReportConsumer.run("python", ["-c", script], input: junit(report, enabled: enabled), fileExtension: "xml")
        #expect(read.status == 0, "\(read.output)")
        #expect(read.output == """
            a.sql 2 2 2 ['alembic-version-table', 'syntax-error']
            b.sql 2 0 0 ['alembic-version-table', 'syntax-error']

            """, "\(read.output)")
    }
}
