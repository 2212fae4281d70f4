import Testing
@testable import Lint
import Rules
import SQLSource
#if canImport(Glibc)
import Glibc
#endif

/// `--jobs` changes how many files are linted at once, never the report.
@Suite struct ParallelLintTests {
    func folder(files: Int) -> String {
        var template = Array("/tmp/replint-jobs-XXXXXX".utf8CString)
        let dir = String(cString: mkdtemp(&template))
        let shapes = [
            "INFO  [alembic.runtime.migration] Running upgrade a -> b\nALTER TABLE t RENAME COLUMN a TO b;\n",
            "BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;\n",
            "CREATE TABLE n (id int PRIMARY KEY);\n",
            "SELEC 1;\n",
            "UPDATE alembic_version SET version_num='x' WHERE alembic_version.version_num = 'y';\n",
        ]
        for i in 0..<files {
            let name = String(repeating: "0", count: 3 - String(i).count) + String(i)
            let f = fopen("\(dir)/\(name)-\(i % shapes.count).sql", "w")!
            // Files of different sizes, so that the threads finish out of order.
            fputs(String(repeating: "SELECT 1;\n", count: (i * 37) % 200) + shapes[i % shapes.count], f)
            fclose(f)
        }
        return dir
    }

    func summary(_ report: LintReport) -> [String] {
        report.results.flatMap { result in
            [result.path] + result.findings.map { "\($0.ruleID) \($0.start.line):\($0.start.column) \($0.message)" }
        }
    }

    @Test func everyJobCountGivesTheSameReportInTheSameOrder() {
        let dir = folder(files: 24)
        func lint(jobs: Int) -> LintReport {
            var session = LintSession(configuration: Configuration(), rules: RuleRegistry.all)
            session.jobs = jobs
            return session.run(paths: [dir])
        }
        let one = lint(jobs: 1)
        #expect(one.results.count == 24)
        #expect(one.results.map(\.path) == one.results.map(\.path).sorted())
        #expect(summary(one).count > 24, "the files have findings")
        for jobs in [2, 5, 64] {
            #expect(summary(lint(jobs: jobs)) == summary(one), "--jobs \(jobs)")
        }
    }

    @Test func streamingWithAnyJobCountHandsOnTheFilesInOneJobsOrder() {
        let dir = folder(files: 24)
        func stream(jobs: Int) -> [String] {
            var session = LintSession(configuration: Configuration(), rules: RuleRegistry.all)
            session.jobs = jobs
            var handed: [String] = []
            let counted = session.stream(paths: [dir]) { handed += summary(LintReport(results: [$0])) }
            #expect(counted.files == 24)
            return handed
        }
        let one = stream(jobs: 1)
        var session = LintSession(configuration: Configuration(), rules: RuleRegistry.all)
        session.jobs = 1
        #expect(one == summary(session.run(paths: [dir])))
        for jobs in [2, 5, 64] {
            #expect(stream(jobs: jobs) == one, "--jobs \(jobs)")
        }
    }

    @Test func parallelMapKeepsOrderAndCallsEachElementOnce() {
        let input = Array(0..<1000)
        #expect(input.parallelMap(jobs: 4) { $0 * 2 } == input.map { $0 * 2 })
        #expect([Int]().parallelMap(jobs: 4) { $0 } == [])
        #expect([7].parallelMap(jobs: 0) { $0 + 1 } == [8])
    }
}
