import Lint
import PGTestSupport
import Rules
import SQLSource
import Testing
@testable import Rehearsals

/// The single-database rehearsal's pieces that need no server.
@Suite struct RehearsalUnitTests {
    @Test func decodesPostgresTextFormatEscapes() throws {
        let data = Array("a\\tb\t\\N\t\\\\x\t\\101\\x42\t\n\\.\n".utf8)
        let copy = try CopyTextData(statement: "COPY s.t (a, b, c, d, e) FROM stdin", data: data[...])
        #expect(copy.target == "s.t (a, b, c, d, e)")
        #expect(copy.rows == [["a\tb", nil, "\\x", "AB", ""]])
        #expect(throws: CopyTextData.DecodeError.self) {
            try CopyTextData(statement: "COPY s.t FROM stdin WITH (FORMAT csv)", data: data[...])
        }
    }

    @Test func inTransactionFormsDropConcurrentlyOnly() throws {
        func form(_ sql: String) throws -> String? {
            try InTransactionForm.of(try #require(SQLDocument(text: sql).statements.first))
        }
        #expect(try form("CREATE INDEX CONCURRENTLY i ON t (a)") == "CREATE INDEX i ON t (a)")
        #expect(try form("DROP INDEX concurrently IF EXISTS i") == "DROP INDEX IF EXISTS i")
        #expect(try form("REINDEX INDEX CONCURRENTLY i") == "REINDEX INDEX i")
        #expect(try form("CREATE INDEX CONCURRENTLY \"concurrently\" ON t (a)") == "CREATE INDEX \"concurrently\" ON t (a)")
        #expect(try form("VACUUM t") == nil)
        #expect(try form("CREATE INDEX i ON t (a)") == nil)
    }

    /// A file with findings at the failing severity is left out, and the
    /// rehearsal never starts a cluster for nothing.
    @Test func lintRehearsalLeavesOutBlockedFilesWithoutStartingAServer() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("bad.sql", "INFO  [alembic.runtime.migration] Running upgrade a -> b\nSELECT 1;\n")
        let path = "\(scratch.path)/bad.sql"
        let lint = LintSession(configuration: Configuration(), rules: RuleRegistry.all).run(paths: [path])
        let report = Rehearsal.rehearse(linted: lint, failOn: .error, configuration: Configuration(), options: .init())
        let blocking = LintGate(failOn: .error).blocking(lint.findings).count
        #expect(blocking > 0)
        #expect(report.notRehearsed == [.init(path: path, reason: "\(blocking) finding(s) at error level")])
        #expect(report.rehearsals.isEmpty)
        #expect(report.setupError == nil)
        #expect(report.exitCode == 1)
        let json = LintRehearsalJSON.render(report, lint: .object([]))
        #expect(json == """
            {
              "lint": {},
              "rehearsals": [],
              "not_rehearsed": [
                {"path": \(JSON.quote(path)), "reason": "\(blocking) finding(s) at error level"}
              ],
              "rehearsal_setup_error": null,
              "interrupted": null
            }

            """)
        #expect(LintRehearsalText.render(report, lint: "lint output")
                == "lint output\n\nnot rehearsed: \(path) (\(blocking) finding(s) at error level)\n")
    }

    /// On someone else's database a lock finding keeps its file back: the
    /// rehearsal would take the lock there. (On the throwaway cluster it
    /// does not: LintRehearseConfirmationTests.)
    @Test func lockFindingsKeepAFileFromANamedDatabase() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("index.sql", "BEGIN;\nCREATE INDEX ix ON hosts (name);\nCOMMIT;\n")
        let path = "\(scratch.path)/index.sql"
        let lint = LintSession(configuration: Configuration(), rules: RuleRegistry.all).run(paths: [path])
        #expect(lint.findings.map(\.ruleID) == [.requireConcurrentIndexCreation])
        let report = Rehearsal.rehearse(linted: lint, failOn: .error, configuration: Configuration(),
                                        options: .init(databaseURL: "postgresql:///nowhere?host=/nonexistent"))
        #expect(report.notRehearsed == [.init(path: path, reason: "1 finding(s) at error level")])
        #expect(report.setupError == nil)
        #expect(report.lint.findings.allSatisfy { $0.rehearsal == nil })
    }
}
