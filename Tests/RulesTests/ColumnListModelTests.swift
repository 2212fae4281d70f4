import Testing
import Lint
import Rules
import Schema
import SQLSource

/// Issue 18, items 1-3 and 10, through lint and plan: columns a column list
/// leaves out, statements the publisher refuses, replica identity through
/// the primary key's index, partition cycles.
@Suite struct ColumnListModelTests {
    static let items = """
    CREATE SCHEMA inv;
    CREATE TABLE inv.items (id int PRIMARY KEY, sku text, note text, extra text NOT NULL, region text NOT NULL DEFAULT 'eu');
    CREATE PUBLICATION inv_pub FOR TABLE inv.items (id, sku, note) WHERE (region <> 'xx');
    """

    func linter(_ baseline: String?) throws -> Linter {
        var linter = Linter(rules: RuleRegistry.all)
        if let baseline { linter.baselines = try Baselines.fromSQL(baseline) }
        return linter
    }

    /// The replication findings: the lock and compatibility rules have their own tests.
    func findings(_ sql: String, baseline: String? = items) throws -> [Finding] {
        let document = try SQLDocument(path: "m.sql", text: sql)
        return withExtendedLifetime(document) { (try? linter(baseline))?.lint(document) ?? [] }.filter { $0.category == .replication }
    }

    func plan(_ sql: String, baseline: String? = items) throws -> MigrationPlan {
        let document = try SQLDocument(path: "m.sql", text: sql)
        return MigrationPlanner.plan(document, linter: try linter(baseline))
    }

    func replicationErrors(_ found: [Finding]) -> [Finding] {
        found.filter { $0.category == .replication && $0.severity == .error }
    }

    @Test(arguments: [ApplyOrder.subscriberFirst, .publisherFirst])
    func unlistedColumnChangesAreNoHazard(order: ApplyOrder) throws {
        for change in ["ALTER TABLE inv.items DROP COLUMN extra;", "ALTER TABLE inv.items RENAME COLUMN extra TO extra_note;",
                       "ALTER TABLE inv.items ALTER COLUMN extra TYPE varchar(10);"] {
            let sql = "-- replint: apply-order \(order.rawValue)\n\(change)"
            let found = try findings(sql)
            #expect(replicationErrors(found).isEmpty, "\(change): \(found.map(\.message))")
            let p = try plan(sql)
            #expect(p.entries.map(\.order) == [.either], "\(change)")
            #expect(p.entries.first?.reason.contains("`extra` is not in the column list of inv_pub, so it never replicates") == true)
            #expect(p.entries.first?.rule == "replication-column-list")
            #expect(p.verdict == .fits(order))
        }
    }

    @Test func aRefusedDropKeepsTheTablePublishedForLaterStatements() throws {
        let found = try findings("ALTER TABLE inv.items DROP COLUMN note;\nALTER TABLE inv.items RENAME COLUMN sku TO code;")
        let refused = try #require(found.first { $0.ruleID == "replication-column-list" })
        #expect(refused.message.contains("`cannot drop column note of table inv.items because other objects depend on it`"))
        #expect(refused.message.contains("publication of table inv.items in publication inv_pub depends on column note of table inv.items"))
        #expect(refused.help.contains("ALTER PUBLICATION inv_pub SET TABLE inv.items (id, sku) WHERE ("))
        // The rename after it is still checked against a published table.
        #expect(found.contains { $0.ruleID == "replication-rename" && $0.start.line == 2 })
    }

    @Test func cascadeUnpublishesTheTable() throws {
        let found = try findings("ALTER TABLE inv.items DROP COLUMN note CASCADE;\nALTER TABLE inv.items RENAME COLUMN sku TO code;")
        #expect(found.contains { $0.ruleID == "replication-column-list" && $0.message.contains("silently leaves the publication") })
        #expect(!found.contains { $0.ruleID == "replication-rename" })
    }

    @Test func aRowFilterColumnCannotBeRetypedEvenUnlisted() throws {
        let found = try findings("ALTER TABLE inv.items ALTER COLUMN region TYPE varchar(10);")
        #expect(found.map(\.ruleID) == ["replication-column-list"], "\(found.map(\.message))")
        #expect(found.first?.message.contains("`cannot alter type of a column used by a publication WHERE clause`") == true)
    }

    @Test func anUnlistedColumnMadeRequiredOnTheSubscriberIsUnsafe() throws {
        let found = try findings("ALTER TABLE inv.items ALTER COLUMN region DROP DEFAULT;")
        let finding = try #require(found.first { $0.ruleID == "replication-column-list" })
        #expect(finding.severity == .error)
        #expect(finding.message.contains("`null value in column \"region\" of relation \"items\" violates not-null constraint`"))
        #expect(try plan("ALTER TABLE inv.items ALTER COLUMN region DROP DEFAULT;").verdict == .unsafe)
    }

    @Test func droppingThePrimaryKeyBehindAnIdentityIndex() throws {
        let baseline = "CREATE TABLE links (id int PRIMARY KEY, url text); ALTER TABLE links REPLICA IDENTITY USING INDEX links_pkey; CREATE PUBLICATION p FOR TABLE links;"
        let found = try findings("ALTER TABLE links DROP CONSTRAINT links_pkey;", baseline: baseline)
        #expect(found.map(\.ruleID) == ["replication-identity"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("cannot update table \"links\" because it does not have a replica identity and publishes updates") == true)
        let assumed = try findings("ALTER TABLE links DROP CONSTRAINT links_pkey;", baseline: nil).filter { $0.ruleID == "replication-identity" }
        #expect(assumed.map(\.severity) == [.warning])
        #expect(assumed.first?.message.contains("replint assumed `links_pkey` is its primary key") == true)
    }

    @Test(arguments: ["DROP TABLE p;", "ALTER TABLE p ADD COLUMN x int;", "CREATE INDEX ON p (id);"])
    func aPartitionCycleIsRefusedAndNothingLoops(after: String) throws {
        let sql = "ALTER TABLE p ATTACH PARTITION p FOR VALUES IN (1);\n" + after
        for baseline in ["CREATE TABLE p (id int, k int) PARTITION BY LIST (k);", nil] {
            let source = baseline == nil ? "CREATE TABLE p (id int, k int) PARTITION BY LIST (k);\n" + sql : sql
            let found = try findings(source, baseline: baseline)
            let cycle = found.filter { $0.message.contains("`circular inheritance not allowed`") }
            #expect(cycle.map(\.ruleID) == ["replication-partition-change"])
            #expect(cycle.map(\.severity) == [.error])
            _ = try plan(source, baseline: baseline)
        }
    }
}
