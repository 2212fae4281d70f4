import Foundation
import Testing

/// The hooks as a user meets them: `pre-commit try-repo` on this repository,
/// from a throwaway git repository with a dirty and a clean migration. The
/// first run builds replint (`language: swift`: `swift build -c release` of a
/// clone), which takes minutes: the slow lane (SLOW_SUITES).
@Suite struct PreCommitTryRepoTests {
    static let dirty = "INFO  [alembic.runtime.migration] Running upgrade a -> b\nUPDATE alembic_version SET version_num='b';\n"

    /// A git repository with a configuration, a baseline, an excluded file and two migrations.
    static func project() throws -> URL {
        let root = try ReplintProcess.temporaryDirectory()
        let repo = root.appendingPathComponent("project")
        let files = [
            ".replint.yml": "schema: app_migrations/schema.sql\nexclude: [\"app_migrations/legacy/**\"]\n",
            "app_migrations/schema.sql": "CREATE TABLE t (id bigint PRIMARY KEY);\n",
            "app_migrations/legacy/old.sql": dirty,
            "app_migrations/dirty.sql": dirty,
            "app_migrations/clean.sql": "ALTER TABLE t ADD COLUMN note text;\n",
        ]
        for (path, text) in files {
            let url = repo.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        for arguments in [["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "migrations"]] {
            let git = try TimedProcess.run("/usr/bin/git", arguments, in: repo, seconds: 60)
            #expect(git.status == 0, "\(git.transcript)")
        }
        return repo
    }

    @Test func theLintHookFailsTheDirtyMigrationAndPassesTheRest() throws {
        let repo = try Self.project()
        let scratch = repo.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let preCommit = try TimedProcess.tool("pre-commit")
        // pre-commit's own cache (the clone and its build) stays in the test's folder.
        let environment = ["PRE_COMMIT_HOME": scratch.appendingPathComponent("pre-commit-home").path, "NO_COLOR": "1"]
        func tryRepo(_ hook: String, _ files: [String], seconds: Int = 120) throws -> TimedProcess.Outcome {
            try TimedProcess.run(preCommit, ["try-repo", ReplintProcess.repository.path, hook, "--color", "never", "--files"] + files,
                                 in: repo, environment: environment, seconds: seconds)
        }

        // The first run builds replint in release mode: generous, for a busy machine.
        let dirty = try tryRepo("replint", ["app_migrations/dirty.sql"], seconds: 25 * 60)
        #expect(!dirty.timedOut, "\(dirty.transcript)")
        #expect(dirty.status == 1, "\(dirty.transcript)")
        #expect(dirty.stdout.contains("Failed") && dirty.stdout.contains("alembic-version-table"), "\(dirty.transcript)")

        let clean = try tryRepo("replint", ["app_migrations/clean.sql"])
        #expect(clean.status == 0, "\(clean.transcript)")
        #expect(clean.stdout.contains("Passed"), "\(clean.transcript)")

        // What pre-commit passes when a commit touches the baseline or an excluded file.
        let skipped = try tryRepo("replint", ["app_migrations/schema.sql", "app_migrations/legacy/old.sql"])
        #expect(skipped.status == 0, "\(skipped.transcript)")
        #expect(skipped.stdout.contains("Passed"), "\(skipped.transcript)")

        let fixed = try tryRepo("replint-fix", ["app_migrations/dirty.sql"])
        #expect(fixed.status == 1 && fixed.stdout.contains("files were modified by this hook"), "\(fixed.transcript)")
        let afterFix = try String(contentsOf: repo.appendingPathComponent("app_migrations/dirty.sql"), encoding: .utf8)
        #expect(!afterFix.contains("alembic"), "\(afterFix)")
        let relinted = try tryRepo("replint", ["app_migrations/dirty.sql"])
        #expect(relinted.status == 0, "\(relinted.transcript)")
    }
}
