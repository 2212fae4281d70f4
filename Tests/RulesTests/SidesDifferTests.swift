import Testing
import Lint
import Rules
import Schema
import SQLSource

/// Issue 18 item 7: with a subscriber baseline, a statement that fails on
/// one side is an error naming the object, the side and PostgreSQL's words.
@Suite struct SidesDifferTests {
    static let publisher = """
        CREATE SCHEMA inv;
        CREATE TABLE inv.items (id bigint PRIMARY KEY, note text, extra text);
        CREATE TABLE inv.orders (id bigint PRIMARY KEY);
        CREATE PUBLICATION inv_pub FOR TABLE inv.items (id, note), inv.orders;
        """
    static let subscriber = """
        CREATE SCHEMA inv;
        CREATE TABLE inv.items (id bigint PRIMARY KEY, note text, local_flag boolean);
        CREATE INDEX items_note_idx ON inv.items (note);
        """

    func sides(_ sql: String) throws -> [Finding] {
        try lintFindings(sql, baseline: Self.publisher, subscriber: Self.subscriber).of(.replicationSidesDiffer)
    }

    @Test(arguments: [
        ("ALTER TABLE inv.items DROP COLUMN extra;", "column `extra` of `inv.items` does not exist on the subscriber", "column \"extra\" of relation \"items\" does not exist"),
        ("ALTER TABLE inv.items ALTER COLUMN extra SET NOT NULL;", "column `extra` of `inv.items` does not exist on the subscriber", "column \"extra\" of relation \"items\" does not exist"),
        ("UPDATE inv.items SET extra = 'x';", "column `extra` of `inv.items` does not exist on the subscriber", "column \"extra\" of relation \"items\" does not exist"),
        ("INSERT INTO inv.items (id, extra) VALUES (1, 'x');", "column `extra` of `inv.items` does not exist on the subscriber", "column \"extra\" of relation \"items\" does not exist"),
        ("ALTER TABLE inv.orders ADD COLUMN placed_at timestamptz;", "table `inv.orders` does not exist on the subscriber", "relation \"inv.orders\" does not exist"),
        ("DROP TABLE inv.orders;", "table `inv.orders` does not exist on the subscriber", "table \"orders\" does not exist"),
        ("CREATE INDEX items_note_idx ON inv.items (note);", "index `inv.items_note_idx` already exists on the subscriber", "relation \"items_note_idx\" already exists"),
        ("ALTER TABLE inv.items ADD COLUMN local_flag boolean;", "column `local_flag` of `inv.items` already exists on the subscriber", "column \"local_flag\" of relation \"items\" already exists"),
        ("ALTER TABLE inv.items RENAME COLUMN extra TO more;", "column `extra` of `inv.items` does not exist on the subscriber", "column \"extra\" does not exist"),
    ])
    func aStatementThatFailsOnOneSide(sql: String, object: String, error: String) throws {
        let found = try sides(sql)
        #expect(found.count == 1, "\(sql): \(found.map(\.message))")
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains(object) == true, "\(found.map(\.message))")
        #expect(found.first?.message.contains("(`\(error)`)") == true, "\(found.map(\.message))")
    }

    @Test func theSubscriberFirstFileFailsThereFirst() throws {
        let found = try sides("ALTER TABLE inv.items DROP COLUMN extra;")
        #expect(found.first?.message.contains("in this subscriber-first file that is the first thing that happens") == true)
        #expect(found.first?.help.contains("`ALTER TABLE inv.items DROP COLUMN extra;`") == true)
    }

    @Test(arguments: [
        "ALTER TABLE inv.items DROP COLUMN IF EXISTS extra;",
        "ALTER TABLE IF EXISTS inv.orders ADD COLUMN placed_at timestamptz;",
        "DROP TABLE IF EXISTS inv.orders;",
        "CREATE INDEX IF NOT EXISTS items_note_idx ON inv.items (note);",
        "ALTER TABLE inv.items ADD COLUMN extra2 text, ALTER COLUMN extra2 SET NOT NULL;",
        "ALTER TABLE inv.nowhere ADD COLUMN a int;",
        "UPDATE inv.items SET note = 'x';",
        "DROP INDEX inv.items_note_idx;",                      // the publisher's baseline refuses it: not a difference
        "ALTER TABLE inv.items ADD COLUMN local_flag boolean, ADD COLUMN extra text;",
    ])
    func aStatementThatHoldsOnBothOrFailsOnBoth(sql: String) throws {
        #expect(try sides(sql).isEmpty, "\(sql)")
    }

    @Test func oneBaselineForBothSidesHasNothingToCompare() throws {
        let found = try lintFindings("ALTER TABLE inv.items DROP COLUMN extra;", baseline: Self.publisher).of(.replicationSidesDiffer)
        #expect(found.isEmpty)
    }

    @Test func noMessageClaimsThereIsNoBaselineWhenOneIsLoaded() throws {
        let found = try lintFindings("-- replint: apply-order publisher-first\nALTER TABLE inv.orders DROP COLUMN id;\nALTER TABLE inv.items DROP COLUMN extra;",
                                     baseline: Self.publisher, subscriber: Self.subscriber)
        #expect(!found.isEmpty)
        for finding in found { #expect(!finding.message.contains("without a baseline"), "\(finding.message)") }
        let document = try SQLDocument(path: "m.sql", text: "ALTER TABLE inv.orders DROP COLUMN id;")
        var linter = Linter(rules: RuleRegistry.all)
        linter.baselines = try Baselines.fromSQL(Self.publisher, subscriber: Self.subscriber)
        let plan = MigrationPlanner.plan(document, linter: linter)
        #expect(plan.entries.allSatisfy { !$0.reason.contains("without a baseline") }, "\(plan.entries.map(\.reason))")
        #expect(plan.entries.first?.reason.contains("the subscriber's baseline has no `inv.orders` at all") == true, "\(plan.entries.map(\.reason))")
    }
}
