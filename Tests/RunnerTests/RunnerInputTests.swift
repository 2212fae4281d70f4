import Foundation
import Testing
@testable import Runner
import PGClient
import PGServers
import PGTestSupport

/// Everything the runner settles before touching a database: the file name,
/// the dry-run switch, timeouts, and which connection settings win.
@Suite struct RunnerInputTests {
    func request(_ flags: RunRequest.Flags, _ environment: [String: String] = [:]) throws(RunSetupError) -> RunRequest {
        try RunRequest.resolve(flags, environment: environment)
    }

    func setupError(_ flags: RunRequest.Flags, _ environment: [String: String] = [:]) -> String? {
        do {
            _ = try request(flags, environment)
            return nil
        } catch {
            return error.description
        }
    }

    @Test(arguments: ["true", "TRUE", "1", "yes", "Yes"])
    func dryRunValuesThatMeanYes(value: String) throws {
        #expect(try RunRequest.parseDryRun(value))
    }

    @Test(arguments: ["false", "False", "0", "no", "NO", ""])
    func dryRunValuesThatMeanNo(value: String) throws {
        #expect(try !RunRequest.parseDryRun(value))
    }

    @Test(arguments: ["ture", "y", "on", "2", " true"])
    func anyOtherDryRunValueIsRefusedNamingTheVariable(value: String) {
        #expect(throws: RunSetupError.self) { try RunRequest.parseDryRun(value) }
        let migrations = try! ScratchDirectory()
        defer { migrations.remove() }
        try! migrations.write("m.sql", "SELECT 1;\n")
        let message = setupError(.init(directory: migrations.path), ["INVENTORY_MIGRATION_FILE": "m.sql", "INVENTORY_MIGRATION_DRYRUN": value])
        #expect(message?.contains("INVENTORY_MIGRATION_DRYRUN") == true)
    }

    @Test func flagsOverrideTheVariables() throws {
        let migrations = try ScratchDirectory()
        defer { migrations.remove() }
        try migrations.write("a.sql", "SELECT 1;\n")
        try migrations.write("b.sql", "SELECT 2;\n")
        let environment = ["INVENTORY_MIGRATION_FILE": "a.sql", "INVENTORY_MIGRATION_DRYRUN": "true"]
        let fromVariables = try request(.init(directory: migrations.path), environment)
        #expect(fromVariables.file.name == "a.sql")
        #expect(fromVariables.dryRun)
        let fromFlags = try request(.init(file: "b.sql", dryRun: false, directory: migrations.path), environment)
        #expect(fromFlags.file.name == "b.sql")
        #expect(!fromFlags.dryRun)
    }

    @Test func timeoutsAreCheckedAndDefaulted() throws {
        #expect(try RunRequest.parseTimeout("5s", option: "--lock-timeout") == "5s")
        #expect(try RunRequest.parseTimeout("250", option: "--lock-timeout") == "250ms")
        #expect(try RunRequest.parseTimeout("2min", option: "--lock-timeout") == "2min")
        #expect(try RunRequest.parseTimeout("off", option: "--statement-timeout") == "0")
        for bad in ["5 seconds", "s", "-1s", "1.5s", "5s; DROP TABLE x"] {
            #expect(throws: RunSetupError.self) { try RunRequest.parseTimeout(bad, option: "--lock-timeout") }
        }
        let migrations = try ScratchDirectory()
        defer { migrations.remove() }
        try migrations.write("m.sql", "SELECT 1;\n")
        let defaults = try request(.init(file: "m.sql", directory: migrations.path))
        #expect(defaults.lockTimeout == "5s")
        #expect(defaults.statementTimeout == "0")
        #expect(!defaults.dryRun)
        #expect(!defaults.force)
    }

    @Test func fileNameMustStayInsideTheDirectory() throws {
        let root = try ScratchDirectory()
        defer { root.remove() }
        let migrations = "\(root.path)/app_migrations"
        try FileManager.default.createDirectory(atPath: "\(migrations)/sub", withIntermediateDirectories: true)
        try "SELECT 1;\n".write(toFile: "\(root.path)/outside.sql", atomically: true, encoding: .utf8)
        try "SELECT 1;\n".write(toFile: "\(migrations)/sub/nested.sql", atomically: true, encoding: .utf8)
        try "SELECT 1;\n".write(toFile: "\(migrations)/inside.sql", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(migrations)/link-out.sql", withDestinationPath: "\(root.path)/outside.sql")
        try FileManager.default.createSymbolicLink(atPath: "\(migrations)/link-in.sql", withDestinationPath: "inside.sql")
        try FileManager.default.createDirectory(atPath: "\(migrations)/folder.sql", withIntermediateDirectories: true)
        func refusal(_ name: String) -> String? {
            setupError(.init(directory: migrations), ["INVENTORY_MIGRATION_FILE": name])
        }
        #expect(refusal("../outside.sql")?.contains("`..`") == true)
        #expect(refusal("\(root.path)/outside.sql")?.contains("absolute path") == true)
        #expect(refusal("sub/nested.sql")?.contains("path separator") == true)
        #expect(refusal("link-out.sql")?.contains("outside") == true)
        #expect(refusal("missing.sql")?.contains("does not exist") == true)
        #expect(refusal("inside.txt")?.contains(".sql") == true)
        #expect(refusal("folder.sql")?.contains("not a regular file") == true)
        #expect(refusal("")?.contains("INVENTORY_MIGRATION_FILE is empty") == true)
        #expect(setupError(.init(directory: migrations))?.contains("INVENTORY_MIGRATION_FILE is empty or unset") == true)
        for name in ["../outside.sql", "missing.sql", ""] {
            #expect(refusal(name)?.contains("INVENTORY_MIGRATION_FILE") == true, "\(name)")
        }
        #expect(setupError(.init(file: "missing.sql", directory: migrations))?.hasPrefix("--file names missing.sql") == true)
        #expect(refusal("inside.sql") == nil)
        #expect(refusal("link-in.sql") == nil)
        #expect(setupError(.init(directory: "\(root.path)/nowhere"), ["INVENTORY_MIGRATION_FILE": "inside.sql"])?.contains("--dir") == true)
    }

    @Test func unreadableOrBinaryFileIsASetupError() throws {
        let migrations = try ScratchDirectory()
        defer { migrations.remove() }
        try Data([0x53, 0x00, 0x4C]).write(to: URL(fileURLWithPath: "\(migrations.path)/binary.sql"))
        let message = setupError(.init(directory: migrations.path), ["INVENTORY_MIGRATION_FILE": "binary.sql"])
        #expect(message?.contains("NUL byte") == true)
        #expect(message?.contains("INVENTORY_MIGRATION_FILE") == true)
    }

    @Test func connectionSettingsPrecedence() throws {
        let migrations = try ScratchDirectory()
        defer { migrations.remove() }
        try migrations.write("cdappconfig.json", #"{"database": {"hostname": "db.clowder", "port": 5432, "name": "hbi", "username": "app", "password": "pw", "sslMode": "verify-full"}}"#)
        let clowder = ["ACG_CONFIG": "\(migrations.path)/cdappconfig.json"]
        let inventory = ["INVENTORY_DB_HOST": "db.inventory", "INVENTORY_DB_NAME": "insights", "INVENTORY_DB_PASS": "pw2",
                         "INVENTORY_DB_SSL_CERT": "/etc/ca.pem"]
        let both = clowder.merging(inventory) { a, _ in a }

        let url = try DatabaseSettings.resolve(databaseURL: "postgresql://u@h/d", environment: both)
        #expect(url.source == .databaseURL)
        #expect(url.conninfo(certificateFile: nil) == "postgresql://u@h/d")

        let fromClowder = try DatabaseSettings.resolve(databaseURL: nil, environment: both)
        #expect(fromClowder.source == .clowder)
        #expect(fromClowder.conninfo(certificateFile: nil).hasPrefix(
            "host='db.clowder' port='5432' dbname='hbi' user='app' password='pw' sslmode='verify-full'"))
        #expect(fromClowder.summary == "db.clowder:5432/hbi as app")

        let fromInventory = try DatabaseSettings.resolve(databaseURL: nil, environment: inventory)
        #expect(fromInventory.source == .inventoryVariables)
        #expect(fromInventory.conninfo(certificateFile: nil).hasPrefix("host='db.inventory' dbname='insights' password='pw2' sslrootcert='/etc/ca.pem'"))
        #expect(fromInventory.secrets == ["pw2"])

        let defaults = try DatabaseSettings.resolve(databaseURL: nil, environment: [:])
        #expect(defaults.source == .libpqDefaults)
        #expect(defaults.conninfo(certificateFile: nil) == "fallback_application_name='replint run'")
    }

    @Test func clowderConfigWithoutADatabaseFallsThroughButABrokenOneIsAnError() throws {
        let migrations = try ScratchDirectory()
        defer { migrations.remove() }
        try migrations.write("nodb.json", #"{"logging": {}}"#)
        try migrations.write("broken.json", #"{"database": {"password": "leak", "port": "not a number"}}"#)
        let fallsThrough = try DatabaseSettings.resolve(databaseURL: nil, environment: ["ACG_CONFIG": "\(migrations.path)/nodb.json", "INVENTORY_DB_HOST": "h"])
        #expect(fallsThrough.source == .inventoryVariables)
        for name in ["broken.json", "missing.json"] {
            do {
                _ = try DatabaseSettings.resolve(databaseURL: nil, environment: ["ACG_CONFIG": "\(migrations.path)/\(name)"])
                Issue.record("\(name) accepted")
            } catch {
                #expect(error.description.contains("ACG_CONFIG"))
                #expect(!error.description.contains("leak"))
            }
        }
    }
}
