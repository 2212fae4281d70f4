import Foundation
import Testing
import YAMLTree

/// deploy/migration-ship-cji.yml, checked as the runner's template is: every
/// parameter used is declared and the other way round, the seed's
/// parameters are all there, and both connection strings come from secrets.
@Suite struct ShipDeployTemplateTests {
    func template() throws -> (text: String, document: [String: Any]) {
        let url = RunnerDeployTemplateTests.repository.appendingPathComponent("deploy/migration-ship-cji.yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return (text, try #require(try YAMLDocument.parseFirst(text)?.value as? [String: Any]))
    }

    @Test func theShipJobKeepsTheSeedParametersAndTakesBothURLsFromSecrets() throws {
        let (_, document) = try template()
        let parameters = document["parameters"] as? [[String: Any]] ?? []
        let objects = document["objects"] as? [[String: Any]] ?? []
        let declared = Set(parameters.compactMap { $0["name"] as? String })
        let used = RunnerDeployTemplateTests().references(in: objects)
        #expect(used == declared, "used only: \(used.subtracting(declared).sorted()); declared only: \(declared.subtracting(used).sorted())")
        let runner = try RunnerDeployTemplateTests().template()
        let seed = Set(runner.parameters.compactMap { $0["name"] as? String })
        #expect(seed.subtracting(declared).isEmpty, "the seed's parameters missing: \(seed.subtracting(declared).sorted())")
        let required = Set(parameters.filter { $0["required"] as? Bool == true }.compactMap { $0["name"] as? String })
        #expect(required == ["DEPENDENT_APP_NAME", "DB_NAME", "INVENTORY_IMAGE_TAG", "INVENTORY_MIGRATION_FILE",
                             "SUBSCRIBER_URL_SECRET", "PUBLISHER_URL_SECRET"])

        let app = try #require(objects.first { $0["kind"] as? String == "ClowdApp" })
        let job = try #require(((app["spec"] as? [String: Any])?["jobs"] as? [[String: Any]])?.first)
        let pod = try #require(job["podSpec"] as? [String: Any])
        #expect(pod["command"] as? [String] == ["replint", "ship"])
        #expect((pod["args"] as? [String])?.first == "/opt/replint/app_migrations/${INVENTORY_MIGRATION_FILE}")
        let env = pod["env"] as? [[String: Any]] ?? []
        for (variable, secret) in [("REPLINT_SUBSCRIBER_URL", "${SUBSCRIBER_URL_SECRET}"), ("REPLINT_PUBLISHER_URL", "${PUBLISHER_URL_SECRET}")] {
            let entry = try #require(env.first { $0["name"] as? String == variable }, "\(variable) is not set")
            let reference = (entry["valueFrom"] as? [String: Any])?["secretKeyRef"] as? [String: Any]
            #expect(reference?["name"] as? String == secret)
            #expect(entry["value"] == nil, "\(variable) must come from the secret, not a literal")
        }
        #expect(!env.contains { ($0["name"] as? String)?.hasPrefix("PG") == true || $0["name"] as? String == "ACG_CONFIG" })
    }
}
