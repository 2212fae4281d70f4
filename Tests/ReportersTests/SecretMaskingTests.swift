import Foundation
import Testing
import Lint
import Reporters
import Rules
import SQLSource

/// No output format shows a password, in an excerpt or a statement, while
/// the finding still says there was one.
@Suite struct SecretMaskingTests {
    static let secret = "Pa55-w0rd-XYZ"

    func report(_ sql: String) throws -> LintReport {
        let document = try SQLDocument(path: "m.sql", text: sql)
        let findings = Linter(rules: RuleRegistry.all).lint(document)
        return LintReport(results: [FileResult(path: "m.sql", document: document, findings: findings)])
    }

    static let files = [
        // The leftover log line starts its block, so the text excerpt shows it.
        "INFO  [app.config] DB URL: postgresql://inventory:\(secret)@db.example:5432/insights\nSELECT 1;\n",
        "INFO  [app.config] connecting with host=db password=\(secret) dbname=insights\nSELECT 1;\n",
        "CREATE SUBSCRIPTION s CONNECTION 'host=db password=\(secret)' PUBLICATION p;\n",
        "ALTER ROLE app PASSWORD '\(secret)';\nSELECT (1;\n",
    ]

    @Test(arguments: files)
    func noFormatShowsThePassword(sql: String) throws {
        let r = try report(sql)
        #expect(!r.results[0].findings.isEmpty)
        for rendered in [TextReporter(colored: false).render(r), JSONReporter().render(r)] {
            #expect(!rendered.contains(Self.secret), "\(rendered)")
        }
    }

    @Test func theLogFindingStillSaysAPasswordWasThere() throws {
        let text = TextReporter(colored: false).render(try report(Self.files[0]))
        #expect(text.contains("carries a connection string with a password"), "\(text)")
        #expect(text.contains("postgresql://inventory:***@db.example:5432/insights"), "\(text)")
    }

    @Test func theCaretStaysUnderTheSpotAfterTheMask() throws {
        // The syntax error is after the password; the caret must still point at `)`.
        let sql = "SELECT 'postgresql://u:\(Self.secret)@h/d' ) ;\n"
        let text = TextReporter(colored: false).render(try report(sql))
        #expect(text.contains("1 | SELECT 'postgresql://u:***@h/d' ) ;\n  |                                 ^\n"), "\(text)")
    }
}
