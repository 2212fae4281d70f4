import Testing
@testable import Lint
import Rules
import SQLSource
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SequenceTests {
    /// Writes `files` into a fresh folder and returns its path.
    func folder(_ files: [String: String]) -> String {
        var template = Array("/tmp/replint-sequence-XXXXXX".utf8CString)
        let dir = String(cString: mkdtemp(&template))
        for (name, text) in files {
            let f = fopen("\(dir)/\(name)", "w")!
            fputs(text, f)
            fclose(f)
        }
        return dir
    }

    func run(_ files: [String: String], baseRevision: String? = nil) -> LintReport {
        var configuration = Configuration()
        configuration.schemaRevision = baseRevision
        var session = LintSession(configuration: configuration, rules: RuleRegistry.all)
        session.sequence = true
        return session.run(paths: [folder(files)])
    }

    let chain = [
        "zz.sql": "-- Running upgrade  -> a1\nCREATE TABLE t (id int PRIMARY KEY, c text NOT NULL);\n",
        "mm.sql": "-- Running upgrade a1 -> b2\nALTER TABLE t ADD COLUMN d text;\n",
        "aa.sql": "-- Running upgrade b2 -> c3\nALTER TABLE t DROP COLUMN c;\n",
    ]

    @Test func filesAreLintedInRevisionOrderAgainstTheSchemaBeforeThem() {
        let report = run(chain)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.results.map { $0.path.split(separator: "/").last.map(String.init) } == ["zz.sql", "mm.sql", "aa.sql"])
        // The last file sees `c` as NOT NULL without a default, created two files earlier.
        let last = report.results.last?.findings.filter { $0.ruleID == "replication-apply-order" } ?? []
        #expect(last.count == 1)
        #expect(last.first?.message.contains("NOT NULL without a default") == true, "\(last.map(\.message))")
    }

    @Test func filesAtOrBeforeTheBaselineRevisionAreSkipped() {
        let report = run(chain, baseRevision: "b2")
        #expect(report.results.map { $0.path.split(separator: "/").last.map(String.init) } == ["aa.sql"])
        #expect(report.notes.filter { $0.contains("skipped") }.count == 2)
    }

    @Test func aMissingHeaderIsReportedNotGuessed() {
        var files = chain
        files["xx.sql"] = "ALTER TABLE t ADD COLUMN e text;\n"
        let report = run(files)
        #expect(report.errors.contains { $0.contains("xx.sql") && $0.contains("Running upgrade") })
        #expect(report.exitCode(failOn: .error) == 2)
    }

    @Test func aMergeRevisionIsReportedNotGuessed() {
        var files = chain
        files["merge.sql"] = "-- Running upgrade c3, d4 -> e5\nSELECT 1;\n"
        let report = run(files)
        #expect(report.errors.contains { $0.contains("merge revision") })
    }

    @Test func aForkIsReported() {
        var files = chain
        files["fork.sql"] = "-- Running upgrade a1 -> x9\nSELECT 1;\n"
        let report = run(files)
        #expect(report.errors.contains { $0.contains("fork") })
    }
}
