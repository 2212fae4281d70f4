import Foundation
import Testing
import YAMLTree

/// deploy/migration-runner-cji.yml is only read by `oc process` in a
/// cluster; these checks catch what would otherwise surface there: a
/// parameter used but not declared (left as literal `${X}`), one declared
/// but unused, and a required parameter with a default that makes
/// "required" meaningless.
@Suite struct RunnerDeployTemplateTests {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    struct Template {
        let text: String
        let document: [String: Any]
        var parameters: [[String: Any]] { document["parameters"] as? [[String: Any]] ?? [] }
        var objects: [[String: Any]] { document["objects"] as? [[String: Any]] ?? [] }
    }

    func template() throws -> Template {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("deploy/migration-runner-cji.yml"), encoding: .utf8)
        let document = try #require(try YAMLDocument.parseFirst(text)?.value as? [String: Any])
        return Template(text: text, document: document)
    }

    /// `${NAME}` references in the objects (comments are not part of the parsed document).
    func references(in value: Any) -> Set<String> {
        switch value {
        case let text as String:
            var found = Set<String>()
            var rest = Substring(text)
            while let start = rest.range(of: "${") {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "}") else { break }
                found.insert(String(after[..<end]))
                rest = after[after.index(after: end)...]
            }
            return found
        case let list as [Any]: return list.reduce(into: Set()) { $0.formUnion(references(in: $1)) }
        case let map as [String: Any]: return map.values.reduce(into: Set()) { $0.formUnion(references(in: $1)) }
        default: return []
        }
    }

    @Test func everyParameterUsedIsDeclaredAndEveryDeclaredOneIsUsed() throws {
        let t = try template()
        #expect(t.document["kind"] as? String == "Template")
        let declared = Set(t.parameters.compactMap { $0["name"] as? String })
        #expect(declared.count == t.parameters.count, "a parameter is declared twice")
        let used = references(in: t.objects)
        #expect(used.subtracting(declared).isEmpty, "used but not declared: \(used.subtracting(declared).sorted())")
        #expect(declared.subtracting(used).isEmpty, "declared but never used: \(declared.subtracting(used).sorted())")
        for name in ["DEPENDENT_APP_NAME", "DB_NAME", "INVENTORY_IMAGE_TAG", "INVENTORY_MIGRATION_FILE",
                     "MIGRATION_RUN_NUMBER", "INVENTORY_MIGRATION_DRYRUN", "LOG_LEVEL",
                     "CPU_LIMIT_MIGRATOR", "MEMORY_LIMIT_MIGRATOR"] {
            #expect(declared.contains(name), "\(name) is missing")
        }
    }

    @Test func requiredParametersHaveNoSilentDefault() throws {
        let t = try template()
        let required = t.parameters.filter { $0["required"] as? Bool == true }
        #expect(Set(required.compactMap { $0["name"] as? String })
                == ["DEPENDENT_APP_NAME", "DB_NAME", "INVENTORY_IMAGE_TAG", "INVENTORY_MIGRATION_FILE"])
        for parameter in required {
            #expect(parameter["value"] == nil, "\(parameter["name"] ?? "?") is required but has a default")
            #expect(parameter["generate"] == nil, "\(parameter["name"] ?? "?") is required but generated")
        }
        let runNumber = try #require(t.parameters.first { $0["name"] as? String == "MIGRATION_RUN_NUMBER" })
        #expect("\(runNumber["value"] ?? "")" == "1")
        let dryRun = try #require(t.parameters.first { $0["name"] as? String == "INVENTORY_MIGRATION_DRYRUN" })
        #expect(["false", "true"].contains("\(dryRun["value"] ?? "")"))
    }

    @Test func theJobRunsReplintRunWithTheSeedVariablesAndLimits() throws {
        let t = try template()
        let app = try #require(t.objects.first { $0["kind"] as? String == "ClowdApp" })
        let invocation = try #require(t.objects.first { $0["kind"] as? String == "ClowdJobInvocation" })
        let spec = try #require(app["spec"] as? [String: Any])
        let job = try #require((spec["jobs"] as? [[String: Any]])?.first)
        let pod = try #require(job["podSpec"] as? [String: Any])
        #expect(pod["command"] as? [String] == ["replint", "run"])
        let env = (pod["env"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) {
            $0[$1["name"] as? String ?? ""] = $1["value"] as? String
        }
        #expect(env["INVENTORY_MIGRATION_FILE"] == "${INVENTORY_MIGRATION_FILE}")
        #expect(env["INVENTORY_MIGRATION_DRYRUN"] == "${INVENTORY_MIGRATION_DRYRUN}")
        let limits = (pod["resources"] as? [String: Any])?["limits"] as? [String: Any]
        #expect(limits?["cpu"] != nil && limits?["memory"] != nil)
        let invoked = (invocation["spec"] as? [String: Any])?["jobs"] as? [String]
        #expect(invoked == [job["name"] as? String ?? ""])
        #expect(((invocation["metadata"] as? [String: Any])?["name"] as? String)?.contains("${MIGRATION_RUN_NUMBER}") == true)
    }

    @Test func containerfileBuildsAStaticReleaseAndShipsTheMigrations() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("deploy/Containerfile"), encoding: .utf8)
        #expect(text.contains("swift build -c release --static-swift-stdlib --product replint"))
        #expect(text.contains("COPY app_migrations app_migrations"))
        #expect(text.contains("CMD [\"replint\", \"run\"]"))
    }
}
