import Foundation
import Testing

/// Real alembic offline output, generated now from the small project in
/// Tests/Fixtures/alembic-project (alembic from PyPI, see its requirements.txt).
@Suite struct AlembicOutputTests {
    static func generate(_ mode: String, into dir: URL, range: String? = nil,
                         environment: [String: String] = [:]) throws -> URL {
        let script = ReplintProcess.repository.appendingPathComponent("scripts/gen-alembic-fixture.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, dir.path, mode] + (range.map { [$0] } ?? [])
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
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
        let file = try Self.generate(mode, into: dir)
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

    /// Revision c5e0a2d81f37's docstring has no blank line after its message,
    /// so the `Running upgrade` record goes on with `Revision ID:`,
    /// `Revises:` and `Create Date: 2025-07-31 08:21:15.437099`, which begins
    /// with CREATE.
    @Test(arguments: ["default", "app"])
    func recordWithTheDocstringsHeaderLines(mode: String) throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.generate(mode, into: dir, range: "3dd0804a15a5:c5e0a2d81f37")
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains("add stale_timestamp column\nRevision ID: c5e0a2d81f37\nRevises: 3dd0804a15a5\nCreate Date: 2025-07-31 08:21:15.437099\n"))
        let r = try ReplintProcess.run(["lint", "--format", "json", file.path])
        #expect(!r.rules().contains("syntax-error"), "\(r.stdout)")
        let record = r.findings.first { ($0["message"] as? String)?.hasPrefix("4 lines") == true }
        #expect(record != nil, "\(r.stdout)")
        let fix = try ReplintProcess.run(["fix", file.path])
        #expect(fix.status == 0, "\(fix.stderr)")
        let fixed = try String(contentsOf: file, encoding: .utf8)
        for gone in ["Running upgrade 3dd0804a15a5 -> c5e0a2d81f37, add", "Revision ID", "Revises", "Create Date"] {
            #expect(!fixed.contains(gone), "\(fixed)")
        }
        #expect(fixed.contains("ALTER TABLE hbi.hosts ADD COLUMN stale_timestamp TIMESTAMP WITH TIME ZONE;"))
        let after = try ReplintProcess.run(["lint", "--format", "json", file.path])
        #expect(after.status == 0, "\(after.stdout)")
        #expect(after.findings.allSatisfy { $0["category"] as? String != "alembic" }, "\(after.stdout)")
    }

    /// With a transaction per revision, the version update after an autocommit
    /// block sits in a pair of its own; once it is gone the pair goes too.
    @Test func emptiedTransactionAfterAnAutocommitBlockIsRemoved() throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.generate("default", into: dir, range: "7be7348f2798:39c26e9d8491",
                                     environment: ["FIXTURE_TRANSACTION_PER_MIGRATION": "1"])
        let fix = try ReplintProcess.run(["fix", file.path])
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(fix.stdout.contains("remove 1 emptied BEGIN/COMMIT pair"), "\(fix.stdout)")
        let fixed = try String(contentsOf: file, encoding: .utf8)
        let shape = fixed.split(separator: "\n").filter { ["BEGIN;", "COMMIT;"].contains($0) || $0.hasPrefix("CREATE") }
        #expect(shape == ["BEGIN;", "CREATE INDEX idx_hosts_org_id ON hbi.hosts (org_id);", "COMMIT;",
                          "BEGIN;", "COMMIT;",
                          "CREATE INDEX CONCURRENTLY idx_hosts_display_name ON hbi.hosts (display_name);",
                          "BEGIN;", "CREATE TABLE hbi.groups (", "CREATE TABLE hbi.hosts_groups (", "COMMIT;"], "\(fixed)")
        let after = try ReplintProcess.run(["lint", "--format", "json", file.path])
        #expect(!after.rules().contains("transaction-control"), "\(after.stdout)")
    }

    /// The autocommit revision alone: the pair after CREATE INDEX CONCURRENTLY
    /// is emptied, but without it the index would be built after the last
    /// COMMIT, so it stays.
    @Test func pairThatTheShapeNeedsStays() throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.generate("default", into: dir, range: "b4c60b04ec87:410ce5f74445")
        let fix = try ReplintProcess.run(["fix", file.path])
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(!fix.stdout.contains("BEGIN/COMMIT"), "\(fix.stdout)")
        let fixed = try String(contentsOf: file, encoding: .utf8)
        #expect(fixed.split(separator: "\n").filter { $0 == "BEGIN;" || $0 == "COMMIT;" }.count == 4, "\(fixed)")
        let after = try ReplintProcess.run(["lint", "--format", "json", file.path])
        #expect(after.status == 0, "\(after.stdout)")
    }
}
