import Foundation
import Testing

/// `replint run` as a job starts it: arguments, the seed's variables and
/// exit codes. Everything here fails before a database is needed, or
/// against one that does not answer; the runs against a real server are in
/// the RunnerTests target (RunnerTests, RunnerSignalTests), which start their own.
@Suite struct RunCommandTests {
    static let password = "Pa55-w0rd-XYZ"

    /// A working directory with app_migrations/ holding `good.sql`, and
    /// `outside.sql` next to it.
    func workspace() throws -> URL {
        let root = try ReplintProcess.temporaryDirectory()
        let migrations = root.appendingPathComponent("app_migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        try "SELECT 1;\n".write(to: migrations.appendingPathComponent("good.sql"), atomically: true, encoding: .utf8)
        try "SELECT 1;\n".write(to: root.appendingPathComponent("outside.sql"), atomically: true, encoding: .utf8)
        return root
    }

    /// The seed's variables, with the database somewhere nothing listens.
    func run(_ arguments: [String] = [], in root: URL, file: String?, extra: [String: String] = [:]) throws -> ReplintProcess.Outcome {
        var environment = ["INVENTORY_MIGRATION_DRYRUN": "false", "ACG_CONFIG": "",
                           "INVENTORY_DB_HOST": "127.0.0.1", "INVENTORY_DB_PORT": "1", "INVENTORY_DB_USER": "app",
                           "INVENTORY_DB_PASS": Self.password, "INVENTORY_MIGRATION_FILE": file ?? ""]
        environment.merge(extra) { _, new in new }
        return try ReplintProcess.run(["run"] + arguments, in: root, environment: environment)
    }

    @Test(arguments: [
        ("../outside.sql", "`..`"),
        ("sub/good.sql", "path separator"),
        ("missing.sql", "does not exist"),
        ("good.txt", ".sql"),
        ("", "INVENTORY_MIGRATION_FILE is empty"),
    ])
    func badFileNamesAreExitTwoNamingTheVariable(name: String, reason: String) throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try run(in: root, file: name)
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("INVENTORY_MIGRATION_FILE"))
        #expect(r.stderr.contains(reason), "\(r.stderr)")
        #expect(!r.stdout.contains("connect"), "nothing is attempted after a bad name")
    }

    @Test func absolutePathAndSymlinkOutAreRefused() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let absolute = try run(in: root, file: root.appendingPathComponent("outside.sql").path)
        #expect(absolute.status == 2)
        #expect(absolute.stderr.contains("absolute path"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("app_migrations/escape.sql").path,
                                                   withDestinationPath: "../outside.sql")
        let link = try run(in: root, file: "escape.sql")
        #expect(link.status == 2)
        #expect(link.stderr.contains("symbolic link"), "\(link.stderr)")
    }

    @Test func fileFlagOverridesTheVariable() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try run(["--file", "missing.sql"], in: root, file: "good.sql")
        #expect(r.status == 2)
        #expect(r.stderr.contains("--file names missing.sql"))
    }

    @Test(arguments: ["ture", "on", "2"])
    func unknownDryRunValueIsExitTwo(value: String) throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try run(in: root, file: "good.sql", extra: ["INVENTORY_MIGRATION_DRYRUN": value])
        #expect(r.status == 2)
        #expect(r.stderr.contains("INVENTORY_MIGRATION_DRYRUN must be true, false, 1, 0, yes or no"))
    }

    @Test func badOptionsAreExitTwo() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try run(["--log-format", "xml"], in: root, file: "good.sql").status == 2)
        #expect(try run(["--lock-timeout", "soon"], in: root, file: "good.sql").status == 2)
        #expect(try run(["--statement-timeout", "5 s; DROP"], in: root, file: "good.sql").status == 2)
        #expect(try run(["--log-level", "loud"], in: root, file: "good.sql").status == 2)
        #expect(try run(["--dir", "nowhere"], in: root, file: "good.sql").status == 2)
    }

    @Test func unreachableDatabaseIsExitTwoWithoutThePassword() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let variables = try run(in: root, file: "good.sql")
        #expect(variables.status == 2, "\(variables.stdout)\(variables.stderr)")
        #expect(variables.stdout.contains("settings from INVENTORY_DB_* variables"))
        let url = try run(["--database-url", "postgresql://app:\(Self.password)@127.0.0.1:1/hbi"], in: root, file: "good.sql")
        #expect(url.status == 2)
        #expect(url.stdout.contains("cannot connect"))
        let dryRun = try run(in: root, file: "good.sql", extra: ["INVENTORY_MIGRATION_DRYRUN": "TRUE"])
        #expect(dryRun.status == 2, "a dry run connects too")
        let config = root.appendingPathComponent("cdappconfig.json")
        try #"{"database": {"hostname": "127.0.0.1", "port": 1, "name": "hbi", "username": "app", "password": "\#(Self.password)"}}"#
            .write(to: config, atomically: true, encoding: .utf8)
        let clowder = try run(["--log-format", "json"], in: root, file: "good.sql", extra: ["ACG_CONFIG": config.path])
        #expect(clowder.status == 2)
        #expect(clowder.stdout.contains("settings from ACG_CONFIG"))
        for outcome in [variables, url, dryRun, clowder] {
            #expect(!(outcome.stdout + outcome.stderr).contains(Self.password))
            #expect(!(outcome.stdout + outcome.stderr).contains("Pa55"))
        }
    }

    @Test func unreadableClowderConfigIsExitTwo() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try run(in: root, file: "good.sql", extra: ["ACG_CONFIG": root.appendingPathComponent("none.json").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("ACG_CONFIG"))
    }

    @Test func lintErrorsAreRefusedBeforeConnecting() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        try "UPDATE alembic_version SET version_num = 'x';\n"
            .write(to: root.appendingPathComponent("app_migrations/versioned.sql"), atomically: true, encoding: .utf8)
        let r = try run(in: root, file: "versioned.sql")
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("error[alembic-version-table]"))
        #expect(r.stdout.contains("--force"))
        #expect(!r.stdout.contains("cannot connect"))
        // --force passes the gate, and then the (absent) database is what stops it.
        #expect(try run(["--force"], in: root, file: "versioned.sql").status == 2)
    }

    @Test func runIsListedAndHasHelp() throws {
        let help = try ReplintProcess.run(["run", "--help"])
        #expect(help.status == 0)
        for option in ["--file", "--dry-run", "--dir", "--database-url", "--lock-timeout", "--statement-timeout", "--force", "--log-format"] {
            #expect(help.stdout.contains(option), "\(option)")
        }
        #expect(try ReplintProcess.run(["--help"]).stdout.contains("run"))
    }
}
