import Foundation
import Testing
@testable import Lint

/// `fix --diff` against the tools that read diffs: the hunks equal
/// `diff -u`'s, and `patch` applies the output.
@Suite struct UnifiedDiffTests {
    static let cases: [(String, String)] = [
        ("a\nb\nc\n", "a\nc\n"),
        ("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n", "2\n3\n4\n5\n6\n7\n8\n10\n11\n12\n13\n14\n"),
        ("x\ny\n", "x\ny"),
        ("only\n", ""),
        ("", "new\n"),
        ("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nB\nc\nd\ne\nf\nG\nh\n"),
        ("INFO  x\nBEGIN;\nSELECT 1;\nCOMMIT;", "BEGIN;\nSELECT 1;\nCOMMIT;"),
    ]

    func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test(arguments: cases.indices)
    func sameHunksAsDiffAndPatchAppliesThem(index: Int) throws {
        let (old, new) = Self.cases[index]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("replint-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(old.utf8).write(to: dir.appendingPathComponent("m.sql"))
        try Data(new.utf8).write(to: dir.appendingPathComponent("fixed.sql"))
        let ours = UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), oldName: "m.sql", newName: "m.sql")
        let (status, theirs) = try run("/usr/bin/diff", ["-u", "m.sql", "fixed.sql"], in: dir)
        #expect(status == 1)
        let body = { (d: String) in d.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("@@") } }
        #expect(body(ours) == body(theirs), "ours:\n\(ours)\ndiff -u:\n\(theirs)")
        try Data(ours.utf8).write(to: dir.appendingPathComponent("fix.diff"))
        let (patched, log) = try run("/usr/bin/patch", ["-p0", "-i", "fix.diff"], in: dir)
        #expect(patched == 0, "\(log)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("m.sql")) == Data(new.utf8))
    }

    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.render(old: Array("a\n".utf8), new: Array("a\n".utf8), oldName: "x", newName: "x").isEmpty)
    }
}
