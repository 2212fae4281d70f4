import Foundation
import Testing

/// The hooks as a user meets them: `pre-commit try-repo` on this repository,
/// then `pre-commit run` with a `.pre-commit-config.yaml` that names it, from
/// a throwaway git repository with a dirty and a clean migration. Each builds
/// replint (`language: swift`: `swift build -c release` of a clone), which
/// takes minutes: the slow lane (SLOW_SUITES).
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

    static func head() throws -> String {
        let rev = try TimedProcess.run("/usr/bin/git", ["rev-parse", "HEAD"], seconds: 60)
        return rev.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Each `try-repo` clones and builds in a store of its own (a fresh
    /// temporary folder), so it runs once, on the dirty migration; the rest run
    /// as a user's `.pre-commit-config.yaml` makes them, built once in the
    /// test's own PRE_COMMIT_HOME. A build takes minutes: generous timeouts,
    /// for a busy machine.
    @Test func theLintHookFailsTheDirtyMigrationAndPassesTheRest() throws {
        let repo = try Self.project()
        let scratch = repo.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let preCommit = try TimedProcess.tool("pre-commit")
        let environment = ["PRE_COMMIT_HOME": scratch.appendingPathComponent("pre-commit-home").path, "NO_COLOR": "1"]
        let build = 25 * 60

        let dirty = try TimedProcess.run(preCommit, ["try-repo", ReplintProcess.repository.path, "replint", "--color", "never",
                                                     "--files", "app_migrations/dirty.sql"],
                                         in: repo, environment: environment, seconds: build)
        #expect(!dirty.timedOut, "\(dirty.transcript)")
        #expect(dirty.status == 1, "\(dirty.transcript)")
        #expect(dirty.stdout.contains("Failed") && dirty.stdout.contains("alembic-version-table"), "\(dirty.transcript)")

        let config = """
            repos:
              - repo: \(ReplintProcess.repository.path)
                rev: \(try Self.head())
                hooks:
                  - id: replint-fix
                  - id: replint

            """
        try config.write(to: repo.appendingPathComponent(".pre-commit-config.yaml"), atomically: true, encoding: .utf8)
        func run(_ hook: String, _ files: [String], seconds: Int = 120) throws -> TimedProcess.Outcome {
            try TimedProcess.run(preCommit, ["run", hook, "--color", "never", "--files"] + files,
                                 in: repo, environment: environment, seconds: seconds)
        }

        let clean = try run("replint", ["app_migrations/clean.sql"], seconds: build)
        #expect(!clean.timedOut, "\(clean.transcript)")
        #expect(clean.status == 0 && clean.stdout.contains("Passed"), "\(clean.transcript)")

        // What pre-commit passes when a commit touches the baseline or an excluded file.
        let skipped = try run("replint", ["app_migrations/schema.sql", "app_migrations/legacy/old.sql"])
        #expect(skipped.status == 0 && skipped.stdout.contains("Passed"), "\(skipped.transcript)")

        let fixed = try run("replint-fix", ["app_migrations/dirty.sql", "app_migrations/legacy/old.sql"])
        #expect(fixed.status == 1 && fixed.stdout.contains("files were modified by this hook"), "\(fixed.transcript)")
        let afterFix = try String(contentsOf: repo.appendingPathComponent("app_migrations/dirty.sql"), encoding: .utf8)
        #expect(!afterFix.contains("alembic"), "\(afterFix)")
        let excluded = try String(contentsOf: repo.appendingPathComponent("app_migrations/legacy/old.sql"), encoding: .utf8)
        #expect(excluded == Self.dirty, "an excluded file is left as it is")
        let relinted = try run("replint", ["app_migrations/dirty.sql"])
        #expect(relinted.status == 0, "\(relinted.transcript)")
    }
}
