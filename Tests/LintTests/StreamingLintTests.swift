import Synchronization
import Testing
@testable import Lint
import Rules
import SQLSource
#if canImport(Glibc)
import Glibc
#endif

/// `LintSession.stream` and `forEachInOrder`: results handed on in the
/// input's order, and never more than the window's worth alive at once.
@Suite struct StreamingLintTests {
    /// Counts the values alive, and the most that ever were.
    final class Census: Sendable {
        private let counts = Mutex((live: 0, peak: 0))
        var live: Int { counts.withLock { $0.live } }
        var peak: Int { counts.withLock { $0.peak } }
        func born() { counts.withLock { $0 = ($0.live + 1, max($0.peak, $0.live + 1)) } }
        func died() { counts.withLock { $0.live -= 1 } }
    }

    /// A result the census counts from its making to its last use.
    final class Counted: Sendable {
        let index: Int
        let census: Census
        init(_ index: Int, _ census: Census) {
            self.index = index
            self.census = census
            census.born()
        }
        deinit { census.died() }
    }

    @Test(arguments: [(jobs: 2, window: 2), (jobs: 4, window: 4), (jobs: 3, window: 7)])
    func theWindowBoundsTheResultsAlive(jobs: Int, window: Int) {
        let census = Census()
        var order: [Int] = []
        var mostAliveInEach = 0
        Array(0..<120).forEachInOrder(jobs: jobs, window: window, { Counted($0, census) }) { result in
            order.append(result.index)
            mostAliveInEach = max(mostAliveInEach, census.live)
            // A slow reader: the workers run ahead until the window stops them.
            usleep(result.index % 10 == 0 ? 20_000 : 500)
        }
        #expect(order == Array(0..<120))
        #expect(census.live == 0, "every result is gone once the run returns")
        #expect(census.peak <= window, "at most \(window) results claimed and not handed on")
        #expect(mostAliveInEach <= window)
        #expect(census.peak > 1, "the workers did run ahead of the reader")
    }

    @Test func oneJobHoldsOneResultAtATime() {
        let census = Census()
        var order: [Int] = []
        Array(0..<50).forEachInOrder(jobs: 1, { Counted($0, census) }) { order.append($0.index) }
        #expect(order == Array(0..<50))
        #expect(census.peak == 1)
    }

    @Test func moreJobsThanElementsAndNoElements() {
        var seen: [Int] = []
        [5, 6, 7].forEachInOrder(jobs: 16, { $0 * 10 }) { seen.append($0) }
        #expect(seen == [50, 60, 70])
        [Int]().forEachInOrder(jobs: 4, { $0 }) { seen.append($0) }
        #expect(seen == [50, 60, 70])
    }

    func folder(_ files: [String: [UInt8]]) -> String {
        var template = Array("/tmp/replint-stream-XXXXXX".utf8CString)
        let dir = String(cString: mkdtemp(&template))
        for (name, bytes) in files {
            let f = fopen("\(dir)/\(name)", "w")!
            _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
            fclose(f)
        }
        return dir
    }

    @Test func streamHandsOnWhatRunReportsAndCountsIt() {
        let dir = folder([
            "a.sql": Array("UPDATE alembic_version SET version_num='x' WHERE alembic_version.version_num = 'y';\n".utf8),
            "b.sql": [],
            "c.sql": Array("SELEC 1;\n".utf8),
            "d.sql": Array("-- replint-ignore alembic-version-table kept on purpose\nUPDATE alembic_version SET version_num = 'x';\n".utf8),
            "e.sql": Array("SELECT 1;\n".utf8) + [0xFF],
        ])
        var session = LintSession(configuration: Configuration(), rules: RuleRegistry.all)
        session.jobs = 3
        var streamed: [FileResult] = []
        let summary = session.stream(paths: [dir, "\(dir)/missing.sql"]) { streamed.append($0) }
        let report = session.run(paths: [dir, "\(dir)/missing.sql"])
        #expect(streamed.map(\.path) == report.results.map(\.path))
        #expect(streamed.map(\.path) == ["a", "b", "c", "d", "e"].map { "\(dir)/\($0).sql" })
        #expect(streamed.map { $0.findings.map(\.ruleID) } == report.results.map { $0.findings.map(\.ruleID) })
        #expect(summary.files == 5)
        #expect(summary.unreadable == 1, "e.sql is not UTF-8")
        #expect(summary.errors.count == 1 && summary.errors == report.errors)
        #expect(summary.suppressed == 1)
        for severity in Severity.allCases {
            #expect(summary.count(severity) == report.findings.filter { $0.severity == severity }.count)
            #expect(summary.count(severity) == report.count(severity))
        }
        #expect(summary.count(.error) >= 2, "alembic_version and the syntax error")
        #expect(summary.count(.warning) >= 1, "the empty file")
        #expect(summary.exitCode(failOn: .error) == 2)
    }

    @Test func summaryExitCodeFollowsTheGate() {
        func finding(_ severity: Severity) -> Finding {
            Finding(ruleID: "empty-migration", category: .conventions, severity: severity, path: "m.sql", range: 0..<0,
                    start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1), statement: "",
                    message: "m", help: "h")
        }
        var warnings = LintSummary()
        warnings.add(FileResult(path: "m.sql", document: nil, findings: [finding(.warning), finding(.info)]))
        #expect(warnings.exitCode(failOn: .error) == 0)
        #expect(warnings.exitCode(failOn: .warning) == 1)
        #expect(warnings.exitCode(failOn: .info) == 1)
        var infos = LintSummary()
        infos.add(FileResult(path: "m.sql", document: nil, findings: [finding(.info)]))
        #expect(infos.exitCode(failOn: .warning) == 0)
        #expect(infos.exitCode(failOn: .info) == 1)
        var unreadable = LintSummary()
        unreadable.add(FileResult(path: "m.sql", document: nil, findings: [], readError: "m.sql: cannot be read"))
        #expect(unreadable.exitCode(failOn: .info) == 2)
        #expect(LintSummary(errors: ["nothing to lint"]).exitCode(failOn: .error) == 2)
        #expect(LintSummary().exitCode(failOn: .info) == 0)
    }
}
