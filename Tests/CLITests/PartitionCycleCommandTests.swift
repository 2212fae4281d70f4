import Foundation
import Testing

/// A partition cycle once crashed every command that built the model (a
/// recursion with no end). PostgreSQL answers `circular inheritance not
/// allowed`; replint reports that and carries on.
@Suite struct PartitionCycleCommandTests {
    static let migrations = [
        "self.sql": "CREATE TABLE p (id int, k int) PARTITION BY LIST (k);\nALTER TABLE p ATTACH PARTITION p FOR VALUES IN (1);\n",
        "pair.sql": """
            CREATE TABLE a (id int, k int) PARTITION BY LIST (k);
            CREATE TABLE b (id int, k int) PARTITION BY LIST (k);
            ALTER TABLE a ATTACH PARTITION b FOR VALUES IN (1);
            ALTER TABLE b ATTACH PARTITION a FOR VALUES IN (2);

            """,
    ]
    static let after = ["DROP TABLE %@;", "ALTER TABLE %@ ADD COLUMN x int;", "CREATE INDEX ON %@ (id);"]

    @Test(arguments: Array(migrations.keys).sorted(), after)
    func lintPlanAndSchemaReportTheCycleAndDoNotCrash(file: String, then: String) throws {
        let directory = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = file == "self.sql" ? "p" : "a"
        try (Self.migrations[file]! + String(format: then, table) + "\n").write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)

        let lint = try ReplintProcess.run(["lint", "--format", "json", file], in: directory)
        #expect(lint.status == 1, "\(lint.stderr)")
        let cycle = lint.findings.filter { ($0["message"] as? String)?.contains("`circular inheritance not allowed`") == true }
        #expect(cycle.map { $0["rule"] as? String } == ["replication-partition-change"])
        #expect(cycle.map { $0["severity"] as? String } == ["error"])

        let plan = try ReplintProcess.run(["plan", file], in: directory)
        #expect(plan.status == 0 || plan.status == 1, "\(plan.stderr)")
        #expect(plan.stdout.contains("ATTACH PARTITION"))

        let schema = try ReplintProcess.run(["schema", "--no-schema-cache", file], in: directory)
        #expect(schema.status == 0, "\(schema.stderr)")
        #expect(schema.stdout.contains("table public.\(table)") == !then.hasPrefix("DROP"))
    }
}
