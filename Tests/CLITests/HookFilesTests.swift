import Foundation
import Testing

/// The files other programs read: the pre-commit manifest, the action, the
/// workflow and the GitLab template, each checked by that program's own
/// validator (pre-commit, check-jsonschema's copies of GitHub's and GitLab's
/// schemas), and a broken copy of each refused by the same validator.
@Suite struct HookFilesTests {
    static let root = ReplintProcess.repository

    static func validate(_ file: URL, schema: String) throws -> TimedProcess.Outcome {
        try TimedProcess.run(TimedProcess.tool("check-jsonschema"), ["--builtin-schema", schema, file.path], seconds: 120)
    }

    /// `file` with `old` replaced by `new`, in a temporary file with the same name.
    static func broken(_ file: String, _ old: String, _ new: String) throws -> URL {
        let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        #expect(text.contains(old), "\(file) no longer holds \(old)")
        let copy = try ReplintProcess.temporaryDirectory().appendingPathComponent((file as NSString).lastPathComponent)
        try text.replacingOccurrences(of: old, with: new).write(to: copy, atomically: true, encoding: .utf8)
        return copy
    }

    @Test func thePreCommitManifestIsValid() throws {
        let manifest = Self.root.appendingPathComponent(".pre-commit-hooks.yaml")
        let valid = try TimedProcess.run(TimedProcess.tool("pre-commit"), ["validate-manifest", manifest.path], seconds: 120)
        #expect(valid.status == 0, "\(valid.transcript)")
        let misspelt = try Self.broken(".pre-commit-hooks.yaml", "language: swift", "language: swfit")
        let refused = try TimedProcess.run(TimedProcess.tool("pre-commit"), ["validate-manifest", misspelt.path], seconds: 120)
        #expect(refused.status != 0)
        #expect(refused.stdout.contains("Expected one of"), "\(refused.transcript)")
    }

    @Test func theHooksLintAndFixTheChangedSQLFiles() throws {
        let read = try TimedProcess.run(TimedProcess.tool("python3"),
                                        ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
                                         Self.root.appendingPathComponent(".pre-commit-hooks.yaml").path], seconds: 60)
        let hooks = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [[String: Any]], "\(read.transcript)")
        let byID = Dictionary(uniqueKeysWithValues: hooks.map { ($0["id"] as? String ?? "", $0) })
        #expect(byID.keys.sorted() == ["replint", "replint-fix"])
        #expect(byID["replint"]?["entry"] as? String == "replint lint")
        #expect(byID["replint-fix"]?["entry"] as? String == "replint fix")
        for hook in hooks {
            #expect(hook["language"] as? String == "swift")
            #expect(hook["files"] as? String == "\\.sql$")
            #expect(hook["pass_filenames"] as? Bool ?? true)
        }
    }

    @Test func theActionIsValidForGitHub() throws {
        let valid = try Self.validate(Self.root.appendingPathComponent("action.yml"), schema: "vendor.github-actions")
        #expect(valid.status == 0 && valid.stdout.contains("ok -- validation done"), "\(valid.transcript)")
        // A composite step that runs a command must name its shell.
        let shellless = try Self.broken("action.yml", "      shell: bash\n      run: bash \"$GITHUB_ACTION_PATH/ci/github/install.sh\"",
                                        "      run: bash \"$GITHUB_ACTION_PATH/ci/github/install.sh\"")
        #expect(try Self.validate(shellless, schema: "vendor.github-actions").status == 1)
    }

    @Test func theWorkflowIsValidAndUsesTheActionOnAppMigrations() throws {
        let workflow = Self.root.appendingPathComponent(".github/workflows/ci.yml")
        let valid = try Self.validate(workflow, schema: "vendor.github-workflows")
        #expect(valid.status == 0 && valid.stdout.contains("ok -- validation done"), "\(valid.transcript)")
        let misnamed = try Self.broken(".github/workflows/ci.yml", "runs-on:", "runs_on:")
        #expect(try Self.validate(misnamed, schema: "vendor.github-workflows").status == 1)

        let jobs = try #require(try TimedProcess.yaml(workflow)["jobs"] as? [String: [String: Any]])
        let steps = jobs.values.flatMap { $0["steps"] as? [[String: Any]] ?? [] }
        let uses = steps.filter { $0["uses"] as? String == "./" }
        #expect(uses.count == 1)
        #expect((uses.first?["with"] as? [String: Any])?["paths"] as? String == "app_migrations/")
        #expect(Set(jobs.keys).isSuperset(of: ["test", "slow"]))
    }

    @Test func theGitLabTemplateIsValidAndPublishesTheFileReplintWrites() throws {
        let template = Self.root.appendingPathComponent("ci/gitlab/replint.gitlab-ci.yml")
        let valid = try Self.validate(template, schema: "vendor.gitlab-ci")
        #expect(valid.status == 0 && valid.stdout.contains("ok -- validation done"), "\(valid.transcript)")
        let misnamed = try Self.broken("ci/gitlab/replint.gitlab-ci.yml", "    reports:", "    report:")
        #expect(try Self.validate(misnamed, schema: "vendor.gitlab-ci").status == 1)

        let job = try #require(try TimedProcess.yaml(template)["replint"] as? [String: Any])
        let script = (job["script"] as? [String] ?? []).joined(separator: "\n")
        #expect(script.contains("--format gitlab --output gl-code-quality-report.json"))
        let reports = (job["artifacts"] as? [String: Any])?["reports"] as? [String: Any]
        #expect(reports?["codequality"] as? String == "gl-code-quality-report.json")
        #expect((job["artifacts"] as? [String: Any])?["when"] as? String == "always", "the report of a failing job is the one that matters")
    }
}
