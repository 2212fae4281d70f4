import Foundation
import Testing

/// Paths in `.replint.yml` and the default `app_migrations/` are relative to
/// the configuration's folder; paths on the command line to the working directory.
@Suite struct PathResolutionTests {
    /// A project: `.replint.yml` at the top, migrations, a baseline and an excluded folder below.
    func project() throws -> URL {
        let root = try ReplintProcess.temporaryDirectory()
        let migrations = root.appendingPathComponent("app_migrations")
        try FileManager.default.createDirectory(at: migrations.appendingPathComponent("legacy"), withIntermediateDirectories: true)
        try """
        schema: app_migrations/schema.sql
        exclude: ["app_migrations/legacy/**"]
        """.write(to: root.appendingPathComponent(".replint.yml"), atomically: true, encoding: .utf8)
        try "CREATE SCHEMA hbi;\nCREATE TABLE hbi.hosts (id uuid PRIMARY KEY, name text);\n"
            .write(to: migrations.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        try "BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN note text;\nCOMMIT;\n"
            .write(to: migrations.appendingPathComponent("a1.sql"), atomically: true, encoding: .utf8)
        try "UPDATE alembic_version SET version_num = 'x';\n"
            .write(to: migrations.appendingPathComponent("legacy/old.sql"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func theDefaultFolderIsBesideTheConfiguration() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let inside = root.appendingPathComponent("app_migrations")
        // The optionless form skips the argument parser and must match it.
        let parsed = try ReplintProcess.run(["lint", "--format", "text"], in: inside)
        for fast in [["lint"], []] { #expect(try ReplintProcess.run(fast, in: inside).stdout == parsed.stdout) }
        for arguments in [["lint", "--format", "json"], ["lint"], []] {
            let r = try ReplintProcess.run(arguments, in: inside)
            #expect(r.status == 0, "\(arguments): \(r.stdout)\(r.stderr)")
            if arguments.contains("json") {
                let files = (r.json["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
                #expect(files == ["./a1.sql"])
            }
        }
        // From a folder beside it, the default is named as the user would reach it.
        let elsewhere = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        for config in [[], ["--config", "../.replint.yml"]] {
            let r = try ReplintProcess.run(["lint", "--format", "json"] + config, in: elsewhere)
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
            let files = (r.json["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            #expect(files == ["../app_migrations/a1.sql"])
        }
    }

    /// `fix` finds the same default folder as `lint`, from inside it too.
    @Test func fixDefaultsToTheFolderBesideTheConfiguration() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let inside = root.appendingPathComponent("app_migrations")
        try "BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN tag text;\nUPDATE alembic_version SET version_num = 'b2';\nCOMMIT;\n"
            .write(to: inside.appendingPathComponent("b2.sql"), atomically: true, encoding: .utf8)
        let check = try ReplintProcess.run(["fix", "--check"], in: inside)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("b2.sql"))
        let fixed = try ReplintProcess.run(["fix"], in: inside)
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(try !String(contentsOf: inside.appendingPathComponent("b2.sql"), encoding: .utf8).contains("alembic_version"))
        #expect(try String(contentsOf: inside.appendingPathComponent("legacy/old.sql"), encoding: .utf8).contains("alembic_version"),
                "an excluded file is never rewritten")
    }

    @Test func commandLinePathsAreRelativeToTheWorkingDirectory() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let inside = root.appendingPathComponent("app_migrations")
        let r = try ReplintProcess.run(["lint", "a1.sql"], in: inside)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("in 1 file"))
        // `exclude:` is relative to the configuration, whichever folder the path is named from.
        let excluded = try ReplintProcess.run(["lint", "legacy/old.sql"], in: inside)
        #expect(excluded.status == 0, "\(excluded.stdout)\(excluded.stderr)")
        #expect(excluded.stdout.contains("legacy/old.sql: skipped, `exclude: app_migrations/legacy/**` matches it"))
    }

    /// Pre-commit passes every changed file, the baseline and excluded files included.
    @Test func anExcludedFileOrABaselineNamedOnTheCommandLineIsSkipped() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        for form in [["lint"], []] {
            let r = try ReplintProcess.run(form + ["app_migrations/schema.sql", "app_migrations/legacy/old.sql"], in: root)
            #expect(r.status == 0, "\(form): \(r.stdout)\(r.stderr)")
            #expect(r.stdout.contains("note: app_migrations/schema.sql: skipped, it is a baseline the configuration's `schema:` names"))
            #expect(r.stdout.contains("note: app_migrations/legacy/old.sql: skipped, `exclude: app_migrations/legacy/**` matches it"))
            #expect(!r.stdout.contains("nothing to lint"))
        }
        let json = try ReplintProcess.run(["lint", "--format", "json", "app_migrations/schema.sql"], in: root)
        #expect(json.status == 0)
        #expect((json.json["notes"] as? [String] ?? []).count == 1)
        // With a file to lint beside them, that file is linted as usual.
        let mixed = try ReplintProcess.run(["app_migrations/schema.sql", "app_migrations/a1.sql"], in: root)
        #expect(mixed.status == 0)
        #expect(mixed.stdout.contains("in 1 file"))
    }

    @Test func nothingAtAllIsStillNothingToLint() throws {
        let root = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try "fail_on: error\n".write(to: root.appendingPathComponent(".replint.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("app_migrations"), withIntermediateDirectories: true)
        let r = try ReplintProcess.run(["lint"], in: root)
        #expect(r.status == 2)
        #expect(r.stdout.contains("nothing to lint: no .sql files in app_migrations/"))
    }
}
