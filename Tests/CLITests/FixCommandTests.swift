import Foundation
import Testing

@Suite struct FixCommandTests {
    static let migration = """
    INFO  [alembic.runtime.migration] Running upgrade a -> b, add tags
    BEGIN;

    -- Running upgrade a -> b

    ALTER TABLE hbi.hosts ADD COLUMN tags_alt JSONB;

    UPDATE hbi.alembic_version SET version_num='b' WHERE hbi.alembic_version.version_num = 'a';

    COMMIT;

    """

    func withMigration(_ body: (URL, URL) throws -> Void) throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("b.sql")
        try Data(Self.migration.utf8).write(to: file)
        try body(dir, file)
    }

    @Test func checkExitsOneAndChangesNothing() throws {
        try withMigration { dir, file in
            let r = try ReplintProcess.run(["fix", "--check", "b.sql"], in: dir)
            #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
            #expect(r.stdout.contains("b.sql: would fix 2 finding(s)"))
            #expect(try String(contentsOf: file, encoding: .utf8) == Self.migration)
            _ = try ReplintProcess.run(["fix", "b.sql"], in: dir)
            #expect(try ReplintProcess.run(["fix", "--check", "b.sql"], in: dir).status == 0)
        }
    }

    @Test(arguments: [["/usr/bin/patch", "-p0", "-i"], ["/usr/bin/git", "apply", "-p0"]])
    func diffIsAPatchThatToolsApply(tool: [String]) throws {
        try withMigration { dir, file in
            let r = try ReplintProcess.run(["fix", "--diff", "b.sql"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.hasPrefix("--- b.sql\n+++ b.sql\n@@ -1,10 +1,8 @@\n-INFO  [alembic.runtime.migration]"), "\(r.stdout)")
            #expect(try String(contentsOf: file, encoding: .utf8) == Self.migration, "--diff writes nothing")
            try Data(r.stdout.utf8).write(to: dir.appendingPathComponent("fix.diff"))
            let apply = Process()
            apply.executableURL = URL(fileURLWithPath: tool[0])
            apply.arguments = Array(tool.dropFirst()) + ["fix.diff"]
            apply.currentDirectoryURL = dir
            try apply.run()
            apply.waitUntilExit()
            #expect(apply.terminationStatus == 0)
            _ = try ReplintProcess.run(["fix", "b.sql"], in: dir)
            let patched = try Data(contentsOf: file)
            #expect(try ReplintProcess.run(["fix", "--check", "b.sql"], in: dir).status == 0)
            #expect(try Data(contentsOf: file) == patched, "the patch made what fix makes")
        }
    }

    @Test func aLinkStaysALink() throws {
        try withMigration { dir, file in
            let link = dir.appendingPathComponent("link.sql")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "b.sql")
            let r = try ReplintProcess.run(["fix", "link.sql"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "b.sql")
            #expect(try !String(contentsOf: file, encoding: .utf8).contains("alembic_version"))
        }
    }

    @Test func aPlantedLinkAtTheOldTemporaryNameIsNotFollowed() throws {
        try withMigration { dir, file in
            let victim = dir.appendingPathComponent("victim.txt")
            try Data("precious\n".utf8).write(to: victim)
            try FileManager.default.createSymbolicLink(atPath: file.path + ".replint-tmp", withDestinationPath: victim.path)
            let r = try ReplintProcess.run(["fix", "b.sql"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
            #expect(try !String(contentsOf: file, encoding: .utf8).contains("INFO"))
        }
    }
}
