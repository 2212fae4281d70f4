import Foundation
import Testing
import PGClient
import PGServers
import PGTestSupport

/// `replint init` against a real database: pg_dump's baseline becomes the
/// model `replint lint` checks migrations against.
@Suite(.serialized)
struct InitCommandTests {
    static let password = "s3cret-init-pw"

    static func prepare(_ cluster: EphemeralCluster) throws {
        try cluster.createDatabase("app")
        let app = try cluster.connect(database: "app")
        defer { app.close() }
        _ = try app.execute("""
            CREATE TABLE public.accounts (id bigint PRIMARY KEY, email text, note text);
            CREATE TABLE public.audit (id bigint PRIMARY KEY, detail text);
            CREATE PUBLICATION app_pub FOR TABLE public.accounts (id, email);
            """)
        try cluster.createDatabase("replica")
        let replica = try cluster.connect(database: "replica")
        defer { replica.close() }
        _ = try replica.execute("CREATE TABLE public.accounts (id bigint PRIMARY KEY, email text, note text, local_flag boolean);")
    }

    static func read(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    @Test func initTakesTheBaselineAndLintReadsTheRealDatabase() throws {
        try withCluster { cluster in
            try Self.prepare(cluster)
            let project = try ReplintProcess.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: project) }
            let url = cluster.conninfo(database: "app") + " password=\(Self.password)"
            let initialised = try ReplintProcess.run(["init", "--database-url", url], in: project)
            #expect(initialised.status == 0, "\(initialised.stderr)")
            #expect(initialised.stdout.contains("wrote app_migrations/schema.sql\nwrote .replint.yml\n"))
            #expect(!(initialised.stdout + initialised.stderr).contains(Self.password))
            let baseline = Self.read(project.appendingPathComponent("app_migrations/schema.sql"))
            #expect(baseline.contains("CREATE PUBLICATION app_pub"))
            #expect(baseline.contains("CREATE TABLE public.accounts"))
            let config = Self.read(project.appendingPathComponent(".replint.yml"))
            #expect(config.contains("schema: \"app_migrations/schema.sql\"\n"))
            #expect(config.contains("postgres_version: \(try cluster.connect().serverVersion / 10000)\n"))

            // A listed column's DROP is refused by the publisher: only the real publication says so.
            try "ALTER TABLE public.accounts DROP COLUMN email;\n"
                .write(to: project.appendingPathComponent("app_migrations/drop_listed.sql"), atomically: true, encoding: .utf8)
            // public.audit is in no publication, so dropping its column breaks no replication.
            try "ALTER TABLE public.audit DROP COLUMN detail;\n"
                .write(to: project.appendingPathComponent("app_migrations/drop_unpublished.sql"), atomically: true, encoding: .utf8)
            let linted = try ReplintProcess.run(["lint", "--format", "json"], in: project)
            #expect(linted.status == 1, "\(linted.stdout)\(linted.stderr)")
            let findings = linted.findings
            let listed = findings.filter { ($0["path"] as? String)?.hasSuffix("drop_listed.sql") == true }
            let column = try #require(listed.first { $0["rule"] as? String == "replication-column-list" })
            #expect((column["message"] as? String)?.contains("app_pub") == true)
            let unpublished = findings.filter { ($0["path"] as? String)?.hasSuffix("drop_unpublished.sql") == true }
            #expect(!unpublished.contains { ($0["rule"] as? String)?.hasPrefix("replication-") == true }, "\(unpublished)")
            #expect(!findings.contains { ($0["path"] as? String)?.hasSuffix("schema.sql") == true })

            // Again: refused, nothing changed.
            let again = try ReplintProcess.run(["init", "--database-url", url], in: project)
            #expect(again.status == 2)
            #expect(again.stderr.contains("app_migrations/schema.sql already exists"))

            // A database that is not there: PostgreSQL's words, no password, the old baseline kept.
            let missing = cluster.conninfo(database: "missing") + " password=\(Self.password)"
            let failed = try ReplintProcess.run(["init", "--force", "--database-url", missing], in: project)
            #expect(failed.status == 2)
            #expect(failed.stderr.contains("database \"missing\" does not exist"), "\(failed.stderr)")
            #expect(!(failed.stdout + failed.stderr).contains(Self.password))
            #expect(Self.read(project.appendingPathComponent("app_migrations/schema.sql")) == baseline)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("app_migrations").path)
            #expect(leftovers.sorted() == ["drop_listed.sql", "drop_unpublished.sql", "schema.sql"])

            // Both sides: the subscriber's dump is its own baseline.
            let sides = try ReplintProcess.run(["init", "--force", "--database-url", url,
                                                "--subscriber-url", cluster.conninfo(database: "replica")], in: project)
            #expect(sides.status == 0, "\(sides.stderr)")
            #expect(Self.read(project.appendingPathComponent("app_migrations/subscriber-schema.sql")).contains("local_flag"))
            let both = Self.read(project.appendingPathComponent(".replint.yml"))
            #expect(both.contains("  subscriber: \"app_migrations/subscriber-schema.sql\""))
            let schema = try ReplintProcess.run(["schema", "--format", "json"], in: project)
            #expect(schema.status == 0, "\(schema.stderr)")
            #expect(schema.stdout.contains("\"subscriber\""))
        }
    }
}
