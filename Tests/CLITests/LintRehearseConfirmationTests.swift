import Foundation
import Testing

/// `replint lint --rehearse` holds each lock finding's prediction against
/// the rehearsal's lock trace: SHARE for a CREATE INDEX, ACCESS EXCLUSIVE and
/// a new relfilenode for a type change that rewrites, and, for a prediction
/// made for PostgreSQL 10 (ADD COLUMN with a constant default rewrites
/// there), the rewrite PostgreSQL 15 no longer does.
@Suite(.serialized)
struct LintRehearseConfirmationTests {
    static let schema = """
        CREATE TABLE public.hosts (id bigint PRIMARY KEY, name varchar(100), n integer);
        CREATE TABLE public.events (id bigint PRIMARY KEY);
        CREATE PUBLICATION app FOR TABLE public.events;
        INSERT INTO public.hosts VALUES (1, 'a', 1), (2, 'b', 2);

        """
    static let migration = """
        BEGIN;
        CREATE INDEX ix_hosts_name ON hosts (name);
        ALTER TABLE hosts ADD COLUMN flag bigint DEFAULT 0;
        ALTER TABLE hosts ALTER COLUMN n TYPE bigint;
        COMMIT;

        """

    func project() throws -> URL {
        let directory = try ReplintProcess.temporaryDirectory()
        try Self.schema.write(to: directory.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        try Self.migration.write(to: directory.appendingPathComponent("m.sql"), atomically: true, encoding: .utf8)
        try "postgres_version: 10\nschema: schema.sql\n"
            .write(to: directory.appendingPathComponent(".replint.yml"), atomically: true, encoding: .utf8)
        return directory
    }

    struct Verdict {
        let rule: String
        let confirmed: Bool
        /// How the evidence starts (the server's minor version follows in a refutation).
        let evidence: String
    }

    static let expected = [
        Verdict(rule: "require-concurrent-index-creation", confirmed: true, evidence: "SHARE on public.hosts"),
        Verdict(rule: "adding-field-with-default", confirmed: false,
                evidence: "the rehearsal saw no rewrite of public.hosts; ACCESS EXCLUSIVE on public.hosts (PostgreSQL 15"),
        Verdict(rule: "changing-column-type", confirmed: true,
                evidence: "ACCESS EXCLUSIVE on public.hosts, held since line 3; a rewrite of public.hosts"),
    ]

    /// The `{"confirmed": ..., "evidence": ...}` object, as a verdict's two fields.
    func fields(_ object: Any?) -> (confirmed: Bool?, evidence: String) {
        let rehearsal = object as? [String: Any]
        return (rehearsal?["confirmed"] as? Bool, rehearsal?["evidence"] as? String ?? "")
    }

    @Test func textMarksEachLockFinding() throws {
        let text = try ReplintProcess.run(["lint", "--rehearse", "m.sql"], in: try project())
        // Lock findings are errors, but on the throwaway cluster they do not keep the file from its rehearsal.
        #expect(text.status == 1, "\(text.stderr)")
        #expect(text.stdout.contains("result: rehearsed"), "\(text.stdout)")
        #expect(text.stdout.contains("  = confirmed by rehearsal (SHARE on public.hosts)\n"), "\(text.stdout)")
        #expect(text.stdout.contains("  = not confirmed: the rehearsal saw no rewrite of public.hosts; ACCESS EXCLUSIVE on public.hosts (PostgreSQL 15."), "\(text.stdout)")
        #expect(text.stdout.contains("  = confirmed by rehearsal (ACCESS EXCLUSIVE on public.hosts, held since line 3; a rewrite of public.hosts)\n"), "\(text.stdout)")
        let markdown = try ReplintProcess.run(["lint", "--rehearse", "m.sql", "--format", "markdown"], in: try project())
        #expect(markdown.stdout.contains("  <br>confirmed by rehearsal (SHARE on public.hosts)\n"), "\(markdown.stdout)")
    }

    /// DROP INDEX in the file's transaction is traced; CREATE INDEX in an
    /// autocommit block runs outside any transaction, where pg_locks shows
    /// nothing once it returns: the finding says the rehearsal could not tell.
    @Test func anAutocommitBlockLeavesNoTrace() throws {
        let directory = try project()
        try (Self.schema + "CREATE INDEX ix_hosts_n ON public.hosts (n);\n")
            .write(to: directory.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        try "BEGIN;\nDROP INDEX ix_hosts_n;\nCOMMIT;\nCREATE INDEX ix_hosts_name ON hosts (name);\nBEGIN;\nCOMMIT;\n"
            .write(to: directory.appendingPathComponent("a.sql"), atomically: true, encoding: .utf8)
        let text = try ReplintProcess.run(["lint", "--rehearse", "a.sql"], in: directory)
        #expect(text.stdout.contains("result: rehearsed"), "\(text.stdout)")
        #expect(text.stdout.contains("error[require-concurrent-index-deletion]"), "\(text.stdout)")
        #expect(text.stdout.contains("  = confirmed by rehearsal (ACCESS EXCLUSIVE on public.hosts)\n"), "\(text.stdout)")
        #expect(text.stdout.contains("  = not confirmed: it ran outside a transaction (autocommit block), whose locks end with it and are not traced\n"),
                "\(text.stdout)")
    }

    @Test func jsonAndSARIFCarryTheVerdict() throws {
        let directory = try project()
        let json = try ReplintProcess.run(["lint", "--rehearse", "m.sql", "--format", "json"], in: directory)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
        let findings = try #require((root["lint"] as? [String: Any])?["findings"] as? [[String: Any]])
        for verdict in Self.expected {
            let seen = fields(findings.first { $0["rule"] as? String == verdict.rule }?["rehearsal"])
            #expect(seen.confirmed == verdict.confirmed, "\(verdict.rule): \(seen)")
            #expect(seen.evidence.hasPrefix(verdict.evidence), "\(verdict.rule): \(seen)")
        }
        // A finding that predicts no lock gets no verdict.
        let unpredicted = findings.filter { $0["category"] as? String != "locking" }
        #expect(unpredicted.allSatisfy { $0["rehearsal"] == nil })

        let sarif = try ReplintProcess.run(["lint", "--rehearse", "m.sql", "--format", "sarif"], in: directory)
        #expect(sarif.status == 1)
        #expect(sarif.stderr.contains("result: rehearsed"), "the rehearsal report goes to stderr: \(sarif.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any], "\(sarif.stdout)")
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        for verdict in Self.expected {
            let properties = results.first { $0["ruleId"] as? String == verdict.rule }?["properties"] as? [String: Any]
            let seen = fields(properties?["rehearsal"])
            #expect(seen.confirmed == verdict.confirmed, "\(verdict.rule): \(seen)")
            #expect(seen.evidence.hasPrefix(verdict.evidence), "\(verdict.rule): \(seen)")
        }
    }
}
