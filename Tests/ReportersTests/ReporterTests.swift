import Foundation
import Testing
import Lint
import Reporters
import Rules
import SQLSource

@Suite struct ReporterTests {
    func report(_ sql: String) throws -> LintReport {
        let document = try SQLDocument(path: "m.sql", text: sql)
        let findings = Linter(rules: RuleRegistry.all).lint(document)
        return LintReport(results: [FileResult(path: "m.sql", document: document, findings: findings)])
    }

    @Test func jsonIsValidAndCarriesEveryField() throws {
        let r = try report("-- é\nUPDATE hbi.alembic_version SET version_num = 'b';\n")
        let text = JSONReporter().render(r)
        let root = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        let f = findings[0]
        #expect(f["rule"] as? String == "alembic-version-table")
        #expect(f["line"] as? Int == 2)
        #expect(f["column"] as? Int == 8)
        #expect(f["byte_start"] as? Int == 13)
        #expect(f["severity"] as? String == "error")
        #expect((f["statement"] as? String)?.hasPrefix("UPDATE hbi.alembic_version") == true)
        #expect((f["help"] as? String)?.isEmpty == false)
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSON.quote("a\"b\\c\nd\u{01}") == "\"a\\\"b\\\\c\\nd\\u0001\"")
    }

    @Test func textShowsTheLineAndACaretUnderTheSpot() throws {
        let text = TextReporter(colored: false).render(try report("SELECT 1;\nUPDATE alembic_version SET version_num = 'b';\n"))
        #expect(text.contains("m.sql:2:8: error[alembic-version-table]"))
        #expect(text.contains("2 | UPDATE alembic_version SET version_num = 'b';\n  |        ^^^^^^^^^^^^^^^\n"))
        #expect(text.contains("= help: "))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func colourOnlyWhenAsked() throws {
        let text = TextReporter(colored: true).render(try report("UPDATE alembic_version SET version_num = 'b';"))
        #expect(text.contains("\u{1B}[31m"))
    }
}

@Suite struct SuppressedInReportsTests {
    let sql = "-- replint-ignore alembic-version-table history kept here\nUPDATE alembic_version SET version_num = 'b';\nDELETE FROM alembic_version;\n"

    @Test func jsonListsSuppressedFindingsWithTheirReason() throws {
        let root = try #require(try ReportFixture.json(JSONReporter().render(try ReportFixture.report(sql))) as? [String: Any])
        #expect((root["findings"] as? [[String: Any]])?.count == 1)
        let suppressed = try #require(root["suppressed"] as? [[String: Any]])
        #expect(suppressed.count == 1)
        #expect(suppressed[0]["rule"] as? String == "alembic-version-table")
        #expect(suppressed[0]["line"] as? Int == 2)
        #expect(suppressed[0]["reason"] as? String == "history kept here")
        #expect(suppressed[0]["suppression_line"] as? Int == 1)
        #expect((root["summary"] as? [String: Any])?["suppressed"] as? Int == 1)
    }

    @Test func textEndsWithASummaryThatCountsSuppressed() throws {
        let text = TextReporter(colored: false).render(try ReportFixture.report(sql))
        #expect(text.hasSuffix("\n1 error(s), 0 warning(s) in 1 file, 1 suppressed\n"))
        let clean = TextReporter(colored: false).render(try ReportFixture.report("SELECT 1;\n"))
        #expect(clean == "0 error(s), 0 warning(s) in 1 file\n")
    }
}
