import Foundation
import Testing

/// Real alembic offline output, generated now from the small project in
/// Tests/Fixtures/alembic-project (alembic from PyPI, see its requirements.txt).
@Suite struct AlembicOutputTests {
    func generate(_ mode: String, into dir: URL) throws -> URL {
        let script = ReplintProcess.repository.appendingPathComponent("scripts/gen-alembic-fixture.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, dir.path, mode]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "alembic could not generate the fixture (is it installed? `python3 -m pip install -r Tests/Fixtures/alembic-project/requirements.txt`): \(text)")
        return dir.appendingPathComponent("\(mode).sql")
    }

    @Test(arguments: ["default", "app"])
    func logBlocksFoundAndNoSyntaxError(mode: String) throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try generate(mode, into: dir)
        let r = try ReplintProcess.run(["lint", "--format", "json", file.path])
        #expect(r.status == 1)
        let rules = r.rules()
        #expect(!rules.contains("syntax-error"), "\(r.stdout)")
        #expect(!rules.contains("transaction-control"), "\(r.stdout)")
        #expect(rules.first == "alembic-log-line")
        #expect(rules.filter { $0 == "alembic-log-line" }.count >= 3)
        #expect(rules.contains("alembic-version-table"))
        if mode == "app" {
            #expect(r.findings.contains { ($0["message"] as? String)?.contains("password") == true })
        }
        let fix = try ReplintProcess.run(["fix", file.path])
        #expect(fix.status == 0)
        let after = try ReplintProcess.run(["lint", "--format", "json", file.path])
        #expect(after.status == 0, "\(after.stdout)")
    }
}
