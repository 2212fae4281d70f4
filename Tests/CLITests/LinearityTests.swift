import Foundation
import Synchronization
import Testing

/// No part of replint does per-statement work that grows with the file: a
/// file of 4N statements costs at most ~4.5 times one of N. Cost is counted
/// in instructions by callgrind (not time, which a shared machine makes
/// meaningless) and attributed to each rule and each stage of reading, so a
/// quadratic rule cannot hide behind the cost of parsing. Slow (callgrind
/// runs a program some fifty times slower), so it runs in `make test-slow`,
/// on a release build that target makes (`REPLINT_RELEASE_BINARY`): a debug
/// build costs ten times the instructions. The tests run side by side, and
/// each runs its two sizes at once, so the runs keep both cores busy.
@Suite struct LinearityTests {
    static let n = 5_000
    static let allowedGrowth = 4.5
    /// Below this many instructions at N a part's cost is start-up noise;
    /// its cost at 4N is held to the growth of this floor instead.
    static let floor = 200_000.0

    /// Statements of many kinds on a table the file creates and on one it
    /// does not, so that every rule has work: inside the file's transaction,
    /// with an autocommit block every hundred groups; then a transaction of
    /// long statements (index builds on tables that existed before the file)
    /// with no ACCESS EXCLUSIVE lock before them, so a rule that looks back
    /// through the transaction for each one shows its cost.
    static func statements(_ count: Int) -> String {
        var sql = "BEGIN;\n"
        for i in 0..<(count / 10) {
            sql += """
            CREATE TABLE s.t\(i) (id int PRIMARY KEY, a text NOT NULL, b int REFERENCES s.base (id));
            ALTER TABLE s.t\(i) ADD COLUMN c int DEFAULT 0;
            CREATE INDEX t\(i)_a ON s.t\(i) (a);
            ALTER TABLE s.base RENAME COLUMN x\(i) TO y\(i);
            ALTER TABLE s.base ADD COLUMN z\(i) text NOT NULL;
            INSERT INTO s.base (id) VALUES (\(i));
            UPDATE s.base SET a = 'v' WHERE id = \(i);
            ALTER TABLE s.base ALTER COLUMN w\(i) TYPE bigint;
            DROP INDEX s.idx\(i);
            COMMENT ON TABLE s.t\(i) IS 'table \(i)';

            """
            if i % 100 == 99 { sql += "COMMIT;\nCREATE INDEX CONCURRENTLY c\(i) ON s.base (a);\nBEGIN;\n" }
        }
        sql += "COMMIT;\nBEGIN;\n"
        for i in 0..<(count / 5) { sql += "CREATE INDEX r\(i) ON s.other\(i) (a);\n" }
        return sql + "COMMIT;\n"
    }

    static func oneLine(_ count: Int) -> String {
        (0..<count).map { "SELECT \($0);" }.joined(separator: " ") + "\n"
    }

    static func logBlocks(_ count: Int) -> String {
        (0..<count).map {
            "INFO  [alembic.runtime.migration] Running upgrade a\($0) -> b\($0), step \($0)\nSELECT \($0);\n"
        }.joined()
    }

    /// The release binary without its debug information, which valgrind
    /// cannot read from Swift's output; the symbols stay, for the names.
    /// Stripped once, beside the release binary, for every run to share.
    static func binary() throws -> String {
        try stripped.withLock { kept in
            if let kept { return kept }
            let release = try #require(ProcessInfo.processInfo.environment["REPLINT_RELEASE_BINARY"],
                                       "run through `make test-slow`, which builds the release binary and names it")
            let folder = URL(fileURLWithPath: release).deletingLastPathComponent()
            let copy = folder.appendingPathComponent("replint-without-debug-info").path
            let strip = try ReplintProcess.runTool("/usr/bin/strip", ["--strip-debug", "-o", copy, release], in: folder)
            try #require(strip.status == 0, "strip: \(strip.stderr)")
            kept = copy
            return copy
        }
    }
    private static let stripped = Mutex<String?>(nil)

    struct CallgrindFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Inclusive instructions per part: each rule type, and the reading
    /// stages. Throws (rather than expects) so that it can run off the test's thread.
    static func costs(of arguments: [String], file text: String, binary: String) throws -> [String: Double] {
        let directory = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sql = directory.appendingPathComponent("input.sql")
        try text.write(to: sql, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("callgrind.out")
        let valgrind = try ReplintProcess.runTool("/usr/bin/valgrind", [
            "--tool=callgrind", "--callgrind-out-file=\(out.path)", binary,
        ] + arguments + [sql.path], in: directory, environment: ["SWIFT_DETERMINISTIC_HASHING": "1"])
        guard valgrind.status == 0 || valgrind.status == 1 else {
            throw CallgrindFailed(description: "replint under callgrind exited \(valgrind.status): \(valgrind.stderr.suffix(2000))")
        }
        let annotated = try ReplintProcess.runTool("/usr/bin/callgrind_annotate",
                                                   ["--inclusive=yes", "--threshold=100", out.path], in: directory)
        let demangled = try ReplintProcess.runTool("/usr/bin/env", ["swift", "demangle"],
                                                   in: directory, input: annotated.stdout)
        var parts: [String: Double] = [:]
        for line in demangled.stdout.split(separator: "\n") {
            // "12,345,678 (12.34%)  ???:Rules.SomeRule.examine(...) [/path/replint]"
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard fields.count == 3, let count = Double(fields[0].replacingOccurrences(of: ",", with: "")),
                  let colon = fields[2].firstIndex(of: ":") else { continue }
            let function = fields[2][fields[2].index(after: colon)...]
            guard let part = part(of: function) else { continue }
            // Nested functions of one part are counted inside its outermost one.
            parts[part] = max(parts[part] ?? 0, count)
        }
        return parts
    }

    /// `work` started on a thread of its own; the function returned waits for
    /// it. A callgrind run is minutes of waiting on a child process, which
    /// would otherwise hold one of the few threads Swift Testing runs tests on.
    static func started<T: Sendable>(_ work: @escaping @Sendable () throws -> T) -> () throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            let outcome = Result(catching: work)
            result.withLock { $0 = outcome }
            done.signal()
        }.start()
        return {
            done.wait()
            return try result.withLock { $0! }.get()
        }
    }

    static let stages = ["StatementSplitter", "LineTable", "SourceCleaner", "LogShape", "TransactionShape",
                         "SQLDocument", "Fixer", "CatalogBuilder", "Linter"]

    /// The rule type or reading stage a demangled function belongs to, if
    /// any: the first such type named outside parentheses (parameter types
    /// are inside them; a closure's or witness's owner is not), so
    /// `closure #1 (…) in Rules.XRule.check` and `protocol witness for
    /// Lint.Rule.check(…) in conformance Rules.XRule` both count for XRule.
    static func part(of function: Substring) -> String? {
        var outside = ""
        var depth = 0
        for ch in function {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) } else if depth == 0 { outside.append(ch) }
        }
        for match in outside.matches(of: #/(?:Rules\.([A-Za-z0-9]+Rule)|(?:SQLSource|Lint|Schema)\.([A-Za-z]+))\./#) {
            if let rule = match.output.1, rule != "HazardRule" { return String(rule) }
            if let stage = match.output.2, stages.contains(String(stage)) { return String(stage) }
        }
        return nil
    }

    /// The costs at N, after checking that every part grows at most ~4.5x at 4N.
    @discardableResult
    func assertLinear(_ name: String, arguments: [String], make: (Int) -> String) throws -> [String: Double] {
        // Both sizes at once, one on each core.
        let binary = try Self.binary()
        let largeFile = make(4 * Self.n)
        let largeCosts = Self.started { try Self.costs(of: arguments, file: largeFile, binary: binary) }
        let small = try Self.costs(of: arguments, file: make(Self.n), binary: binary)
        let large = try largeCosts()
        #expect(!small.isEmpty, "\(name): callgrind_annotate named no part of replint")
        for (part, cost) in large.sorted(by: { $0.key < $1.key }) {
            let base = max(small[part] ?? 0, Self.floor)
            #expect(cost <= Self.allowedGrowth * base,
                    "\(name): \(part) costs \(Int(cost)) instructions for \(4 * Self.n) against \(Int(small[part] ?? 0)) for \(Self.n): \(String(format: "%.1f", cost / base))x")
        }
        return small
    }

    @Test func everyRuleAndStageIsLinearInStatements() throws {
        let parts = try assertLinear("statements", arguments: ["lint", "--jobs", "1", "--format", "json"], make: Self.statements)
        // The attribution must see the rules, or a quadratic one would go unnoticed.
        #expect(parts.keys.filter { $0.hasSuffix("Rule") }.count >= 15, "rules attributed: \(parts.keys.sorted())")
    }

    @Test func statementsOnOneLineAreLinear() throws {
        try assertLinear("one line", arguments: ["lint", "--jobs", "1"], make: Self.oneLine)
    }

    @Test func logBlocksAreLinearToLintAndToFix() throws {
        try assertLinear("log blocks", arguments: ["lint", "--jobs", "1"], make: Self.logBlocks)
        try assertLinear("log blocks, fix", arguments: ["fix", "--check"], make: Self.logBlocks)
    }
}
