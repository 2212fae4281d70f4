import Foundation
import Testing
@testable import Runner
import PGClient
import PGServers
import PGTestSupport

/// Where the runner connects, against a real server: each source in
/// DESIGN.md's order wins over the ones after it, and no password is ever
/// logged, even when the connection fails.
@Suite struct RunnerConnectionTests {
    static let password = "S3cret-Pw'x"

    func clowderConfig(_ fixture: RunnerFixture, host: String, port: Int, rdsCa: String? = nil) throws -> String {
        var database: [String: Any] = ["hostname": host, "port": port, "name": "postgres", "username": "postgres",
                                       "password": Self.password, "sslMode": "disable"]
        database["rdsCa"] = rdsCa
        let data = try JSONSerialization.data(withJSONObject: ["database": database, "logging": ["type": "null"]])
        try fixture.migrations.write("cdappconfig.json", String(decoding: data, as: UTF8.self))
        return "\(fixture.migrations.path)/cdappconfig.json"
    }

    func inventoryVariables(host: String, port: Int) -> [String: String] {
        ["INVENTORY_DB_HOST": host, "INVENTORY_DB_PORT": String(port), "INVENTORY_DB_NAME": "postgres",
         "INVENTORY_DB_USER": "postgres", "INVENTORY_DB_PASS": Self.password, "INVENTORY_DB_SSL_MODE": "disable"]
    }

    @Test func clowderConfigWinsOverInventoryVariables() throws {
        try withRunnerFixture { fixture in
            let config = try clowderConfig(fixture, host: fixture.cluster.socketDirectory, port: fixture.cluster.port)
            var environment = inventoryVariables(host: "/nonexistent", port: 1)
            environment["ACG_CONFIG"] = config
            let result = try fixture.run("m.sql", "SELECT 1;\n", dryRun: true, target: .environmentOnly, environment: environment)
            #expect(result.outcome == .dryRun, "\(result.text)")
            #expect(result.text.contains("settings from ACG_CONFIG"))
            #expect(!result.text.contains(Self.password))
        }
    }

    @Test func inventoryVariablesAreUsedWithoutClowder() throws {
        try withRunnerFixture { fixture in
            let environment = inventoryVariables(host: fixture.cluster.socketDirectory, port: fixture.cluster.port)
            let result = try fixture.run("m.sql", "SELECT 1;\n", target: .environmentOnly, environment: environment)
            #expect(result.outcome == .applied, "\(result.text)")
            #expect(result.text.contains("settings from INVENTORY_DB_* variables"))
        }
    }

    @Test func databaseURLWinsOverClowderConfig() throws {
        try withRunnerFixture { fixture in
            let config = try clowderConfig(fixture, host: "/nonexistent", port: 1)
            let result = try fixture.run("m.sql", "SELECT 1;\n", environment: ["ACG_CONFIG": config])
            #expect(result.outcome == .applied, "\(result.text)")
            #expect(result.text.contains("settings from --database-url"))
        }
    }

    @Test func unreachableDatabaseIsExitTwoWithoutThePassword() throws {
        try withRunnerFixture { fixture in
            let url = try fixture.run("m.sql", "SELECT 1;\n", target: .url("postgresql://app:\(Self.password)@127.0.0.1:1/db?connect_timeout=5"))
            #expect(url.outcome == .cannotConnect)
            #expect(url.outcome.exitCode == 2)
            #expect(!url.text.contains(Self.password))
            #expect(!url.text.contains("S3cret"))
            let config = try clowderConfig(fixture, host: "/nonexistent", port: 1)
            let clowder = try fixture.run("m.sql", dryRun: true, target: .environmentOnly, environment: ["ACG_CONFIG": config])
            #expect(clowder.outcome == .cannotConnect, "a dry run needs the database too")
            #expect(clowder.text.contains("settings from ACG_CONFIG"))
            #expect(!clowder.text.contains("S3cret"))
        }
    }

    @Test func passwordInAStatementOrAServerMessageIsScrubbedFromTheLog() throws {
        try withRunnerFixture { fixture in
            let connection = "host=\(fixture.cluster.socketDirectory) port=\(fixture.cluster.port) user=postgres dbname=postgres sslmode=disable password=Hunter2Pw"
            let result = try fixture.run("m.sql", "SELECT 'Hunter2Pw' AS leaked;\n", logFormat: "json", target: .url(connection))
            #expect(result.outcome == .applied, "\(result.text)")
            #expect(!result.text.contains("Hunter2Pw"))
            #expect(result.text.contains("***"))
        }
    }

    @Test func clowderCertificateIsWrittenPrivatelyAndRemovedAfterwards() throws {
        try withRunnerFixture { fixture in
            let pem = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n"
            let config = try clowderConfig(fixture, host: fixture.cluster.socketDirectory, port: fixture.cluster.port, rdsCa: pem)
            let settings = try DatabaseSettings.resolve(databaseURL: nil, environment: ["ACG_CONFIG": config])
            #expect(settings.certificateAuthorityPEM == pem)
            #expect(settings.conninfo(certificateFile: "/tmp/ca.pem").contains("sslrootcert='/tmp/ca.pem'"))
            let file = try PrivateFile(contents: pem, prefix: "replint-test-ca-")
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect(try String(contentsOfFile: file.path, encoding: .utf8) == pem)
            file.remove()
            #expect(!FileManager.default.fileExists(atPath: file.path))
            // The whole run: sslmode=disable on a socket, so the file is written but unused.
            let before = Set(try FileManager.default.contentsOfDirectory(atPath: "/tmp").filter { $0.hasPrefix("replint-rds-ca-") })
            let result = try fixture.run("m.sql", "SELECT 1;\n", target: .environmentOnly, environment: ["ACG_CONFIG": config])
            #expect(result.outcome == .applied, "\(result.text)")
            let after = Set(try FileManager.default.contentsOfDirectory(atPath: "/tmp").filter { $0.hasPrefix("replint-rds-ca-") })
            #expect(after.subtracting(before).isEmpty)
        }
    }
}
