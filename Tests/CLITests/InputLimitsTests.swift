import Foundation
import Testing

/// Input that used to crash or hang replint: each is a finding or an exit 2
/// naming the file, and the rest of the work is still done.
@Suite struct InputLimitsTests {
    static let deep = "SELECT " + String(repeating: "1+", count: 5_000) + "1;\n"
    static let after = "UPDATE alembic_version SET version_num = 'b';\n"

    func directory(_ files: [String: String]) throws -> URL {
        let root = try ReplintProcess.temporaryDirectory()
        for (name, text) in files { try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return root
    }

    @Test func aDeepStatementIsOneFindingAndTheRestIsLinted() throws {
        let root = try directory(["deep.sql": "SELECT 0;\n" + Self.deep + Self.after])
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try ReplintProcess.run(["lint", "--format", "json", "deep.sql"], in: root)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let deep = outcome.findings.filter { ($0["message"] as? String)?.contains("nested too deeply") == true }
        #expect(deep.count == 1)
        #expect(deep.first?["rule"] as? String == "syntax-error")
        #expect(deep.first?["line"] as? Int == 2)
        #expect(outcome.rules().contains("alembic-version-table"))
    }

    @Test func planAndTheRunnersGateSurviveADeepStatement() throws {
        let root = try directory(["deep.sql": Self.deep])
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try ReplintProcess.run(["plan", "deep.sql"], in: root)
        #expect(plan.status == 0 || plan.status == 1, "\(plan.stdout)\(plan.stderr)")
        let run = try ReplintProcess.run(["run", "--file", "deep.sql", "--dir", "."], in: root,
                                         environment: ["INVENTORY_MIGRATION_DRYRUN": "false", "ACG_CONFIG": "",
                                                       "INVENTORY_DB_HOST": "127.0.0.1", "INVENTORY_DB_PORT": "1"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect((run.stdout + run.stderr).contains("nested too deeply"))
    }

    @Test func aFIFOOrADeviceInAFolderIsExitTwoNamingItAndTheOthersAreLinted() throws {
        let root = try directory(["good.sql": Self.after])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(mkfifo(root.appendingPathComponent("fifo").path, 0o644) == 0)
        #expect(symlink("fifo", root.appendingPathComponent("pipe.sql").path) == 0)
        #expect(symlink("/dev/zero", root.appendingPathComponent("zero.sql").path) == 0)
        let outcome = try ReplintProcess.run(["lint", "--format", "json", "."], in: root)
        #expect(outcome.status == 2)
        let files = outcome.json["files"] as? [[String: Any]] ?? []
        let errors = Dictionary(uniqueKeysWithValues: files.map { (($0["path"] as? String) ?? "", $0["error"] as? String) })
        #expect(errors["./pipe.sql"]??.contains("is a FIFO (named pipe): only regular files are read") == true, "\(files)")
        #expect(errors["./zero.sql"]??.contains("is a character device") == true, "\(files)")
        #expect(outcome.rules() == ["alembic-version-table"])
    }

    @Test func aFIFONamedOnTheCommandLineIsExitTwo() throws {
        let root = try directory([:])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(mkfifo(root.appendingPathComponent("p.sql").path, 0o644) == 0)
        let outcome = try ReplintProcess.run(["lint", "p.sql"], in: root)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("p.sql: is a FIFO (named pipe)"), "\(outcome.stdout)")
    }

    @Test func aFileOverMaxFileSizeIsReportedNotRead() throws {
        let root = try directory(["big.sql": Self.after, "small.sql": "SELECT 1;\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try ReplintProcess.run(["lint", "--max-file-size", "20", "big.sql", "small.sql"], in: root)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("big.sql: is 46 bytes, over the 20 bytes limit (--max-file-size): not read"), "\(outcome.stdout)")
        #expect(!outcome.stdout.contains("alembic-version-table"))
        let bad = try ReplintProcess.run(["lint", "--max-file-size", "lots", "small.sql"], in: root)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("`lots` is not a size"), "\(bad.stderr)")
    }

    @Test func theSameFileNamedTwiceIsLintedOnce() throws {
        let root = try directory(["a.sql": Self.after])
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try ReplintProcess.run(["lint", "--format", "json", "a.sql", "./a.sql", "."], in: root)
        #expect(outcome.findings.count == 1)
        #expect((outcome.json["files"] as? [[String: Any]])?.count == 1)
    }

    @Test func copyDataWithoutItsEndIsAFindingAtItsFirstLine() throws {
        let root = try directory(["c.sql": "CREATE TABLE t (a int);\nCOPY t (a) FROM stdin;\n1\n2\nDROP TABLE t;\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try ReplintProcess.run(["lint", "--format", "json", "c.sql"], in: root)
        #expect(outcome.status == 1)
        let copy = outcome.findings.first { ($0["message"] as? String)?.contains("COPY") == true }
        #expect(copy?["rule"] as? String == "syntax-error")
        #expect(copy?["line"] as? Int == 3)
        #expect((copy?["message"] as? String)?.contains("runs to the end of the file") == true)
    }

    @Test func aSyntaxErrorOnAHugeLineShowsAWindowOfIt() throws {
        let line = "INSERT INTO t VALUES " + String(repeating: "(1), ", count: 40_000) + "(1) oops;\n"
        let root = try directory(["h.sql": line])
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try ReplintProcess.run(["lint", "h.sql"], in: root)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.count < 2_000, "\(outcome.stdout.prefix(500))")
        #expect(outcome.stdout.contains("(1) oops;"))
    }
}
