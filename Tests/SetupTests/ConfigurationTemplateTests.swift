import Foundation
import Testing
import Lint
import Rules
import Setup

/// The `.replint.yml` that `replint init` writes, read back by the project's
/// own configuration reader and used for a lint.
@Suite struct ConfigurationTemplateTests {
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replint-init-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/app_migrations", withIntermediateDirectories: true)
        return path
    }

    static func load(_ path: String) throws -> Configuration {
        try ConfigurationLoader.load(path: path, knownRules: RuleRegistry.ids, aliases: RuleRegistry.aliases)
    }

    /// A baseline as pg_dump prints it: a table and a publication with a column list.
    static let baseline = """
        CREATE TABLE public.accounts (id bigint NOT NULL, email text, note text);
        ALTER TABLE ONLY public.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
        CREATE PUBLICATION app_pub FOR TABLE ONLY public.accounts (id, email);

        """

    @Test func theWrittenConfigurationParsesAndLintsAgainstItsBaseline() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.baseline.write(toFile: dir + "/app_migrations/schema.sql", atomically: true, encoding: .utf8)
        let template = ConfigurationTemplate(baselines: .shared("app_migrations/schema.sql"), postgresVersion: 16)
        try template.text.write(toFile: dir + "/.replint.yml", atomically: true, encoding: .utf8)
        let config = try Self.load(dir + "/.replint.yml")
        #expect(config.schema == .shared(["app_migrations/schema.sql"]))
        #expect(config.postgresVersion == 16)
        #expect(config.searchPath == ["public"])
        #expect(config.applyOrder == .subscriberFirst)
        #expect(config.failOn == .error)
        #expect(config.exclude.isEmpty && config.ruleSettings.isEmpty && config.fileApplyOrders.isEmpty)
        #expect(config.replicatedTables == nil)

        let migration = dir + "/app_migrations/drop.sql"
        try "ALTER TABLE public.accounts DROP COLUMN email;\n".write(toFile: migration, atomically: true, encoding: .utf8)
        let report = LintSession(configuration: config, rules: RuleRegistry.all).run(paths: [migration])
        let listed = try #require(report.findings.first { $0.ruleID.rawValue == "replication-column-list" })
        #expect(listed.message.contains("app_pub"))
        // The baseline is the model, never a migration.
        let everything = LintSession(configuration: config, rules: RuleRegistry.all).run(paths: [dir + "/app_migrations"])
        #expect(everything.results.map(\.path).allSatisfy { !$0.hasSuffix("schema.sql") })
    }

    /// Every commented-out line is a real key: uncommented, the reader takes it.
    @Test func theCommentedKeysAreKeysTheReaderKnows() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = ConfigurationTemplate().text
        #expect(text.contains("# schema: \"app_migrations/schema.sql\""))
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let match = line.firstMatch(of: /^(\s*)# ([a-z_]+: .*)$/) else { return String(line) }
            return String(match.1 + match.2)
        }.joined(separator: "\n")
        try uncommented.write(toFile: dir + "/.replint.yml", atomically: true, encoding: .utf8)
        let config = try Self.load(dir + "/.replint.yml")
        #expect(config.schema == .shared(["app_migrations/schema.sql"]))
        #expect(config.schemaRevision == "1e276ea9970d")
        #expect(config.replicatedTables == ["public.accounts"])
        #expect(config.rulePages == "https://github.com/OWNER/replint/blob/main/rules/")
        for key in ["schema", "schema_revision", "search_path", "postgres_version", "replication", "tables", "apply_order",
                    "files", "rules", "exclude", "fail_on", "rule_pages"] {
            #expect(text.contains("\(key): ") || text.contains("\n\(key):\n"), "\(key) is missing")
        }
    }

    @Test func twoSidesPointAtBothDumps() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let template = ConfigurationTemplate(baselines: .sides(publisher: "db/schema.sql", subscriber: "db/subscriber-schema.sql"),
                                             migrationsFolder: "db")
        try template.text.write(toFile: dir + "/.replint.yml", atomically: true, encoding: .utf8)
        let config = try Self.load(dir + "/.replint.yml")
        #expect(config.schema == .sides(publisher: "db/schema.sql", subscriber: "db/subscriber-schema.sql"))
    }

    @Test func anExistingConfigurationIsNotOverwrittenWithoutForce() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "fail_on: warning\n".write(toFile: dir + "/.replint.yml", atomically: true, encoding: .utf8)
        let setup = ProjectSetup(directory: dir)
        #expect(throws: SetupError(".replint.yml already exists; replint init does not overwrite it (--force replaces it)")) {
            try setup.run()
        }
        #expect(try String(contentsOfFile: dir + "/.replint.yml", encoding: .utf8) == "fail_on: warning\n")
        var forced = setup
        forced.force = true
        #expect(try forced.run().written == [".replint.yml"])
        #expect(try Self.load(dir + "/.replint.yml").failOn == .error)
    }

    @Test func anExistingBaselineIsNotOverwrittenEitherAndNothingIsWritten() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "-- kept\n".write(toFile: dir + "/app_migrations/schema.sql", atomically: true, encoding: .utf8)
        var setup = ProjectSetup(directory: dir)
        setup.databaseURL = "postgresql://nobody@127.0.0.1:1/none"
        #expect(throws: SetupError("app_migrations/schema.sql already exists; replint init does not overwrite it (--force replaces it)")) {
            try setup.run()
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/.replint.yml"))
    }

    /// A database that does not answer: exit 2 before anything is written, and the folder made for the dump is gone again.
    @Test func aFailedDumpLeavesNothingBehind() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("replint-init-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var setup = ProjectSetup(directory: dir)
        setup.migrationsFolder = "db/migrations/"
        setup.databaseURL = "postgresql://nobody:hunter2-secret@127.0.0.1:1/none?connect_timeout=2"
        do {
            _ = try setup.run()
            Issue.record("a dump from a closed port succeeded")
        } catch {
            #expect(error.description.hasPrefix("pg_dump could not dump the database for db/migrations/schema.sql (exit 1): "), "\(error)")
            #expect(error.description.contains("Connection refused"))
            #expect(!error.description.contains("hunter2"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}
