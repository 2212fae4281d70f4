import Testing
import Lint
import Rules
import Schema
import SQLSource

/// Issue 18 item 6: numeric(p,s) compares integer digits (p-s) and scale
/// separately, and a change that can round or refuse a value is never widening.
@Suite struct NumericWidthPlanTests {
    static let baseline = """
        CREATE SCHEMA inv;
        CREATE TABLE inv.items (id bigint PRIMARY KEY, price numeric(10,2), qty integer, total numeric, small smallint);
        CREATE PUBLICATION inv_pub FOR TABLE inv.items;
        """

    func order(_ change: String) throws -> ApplyOrder? {
        let document = try SQLDocument(path: "m.sql", text: "ALTER TABLE inv.items ALTER COLUMN \(change);")
        var linter = Linter(rules: RuleRegistry.all)
        linter.baselines = try Baselines.fromSQL(Self.baseline)
        return MigrationPlanner.plan(document, linter: linter).entries.first?.order
    }

    @Test(arguments: [
        ("price TYPE numeric(10,4)", ApplyOrder.publisherFirst),   // 8 integer digits become 6
        ("price TYPE numeric(8,2)", .publisherFirst),
        ("price TYPE numeric(9,1)", .publisherFirst),              // 8 integer digits stay, a decimal is rounded away
        ("price TYPE numeric(12,1)", .unsafe),                     // more integer digits, fewer decimals
        ("price TYPE numeric(12,2)", .subscriberFirst),
        ("price TYPE numeric(11,3)", .subscriberFirst),
        ("price TYPE numeric", .subscriberFirst),
        ("price TYPE integer", .unsafe),                           // 1.5 is refused by integer; 10 digits overflow numeric(10,2)
        ("price TYPE bigint", .unsafe),
        ("total TYPE numeric(10,2)", .publisherFirst),
        ("total TYPE bigint", .publisherFirst),
        ("qty TYPE numeric(12,2)", .subscriberFirst),              // int4 needs 10 integer digits
        ("qty TYPE numeric(10,0)", .subscriberFirst),
        ("qty TYPE numeric(9,0)", .publisherFirst),
        ("qty TYPE numeric(8,2)", .unsafe),                        // integer refuses 1.5; 10 digits do not fit 6
        ("qty TYPE bigint", .subscriberFirst),
        ("qty TYPE smallint", .publisherFirst),
        ("small TYPE numeric(5,0)", .subscriberFirst),
        ("price TYPE text", .unsafe),
    ])
    func numericChanges(change: String, expected: ApplyOrder) throws {
        #expect(try order(change) == expected, "\(change)")
    }

    @Test func theFindingSaysWhichTypesAndGivesTheSafeSequence() throws {
        let found = try lintFindings("ALTER TABLE inv.items ALTER COLUMN price TYPE numeric(12,1);", baseline: Self.baseline)
            .of(.replicationColumnTypeChange)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("from `numeric(10,2)` to `numeric(12,1)`") == true)
        #expect(found.first?.help.contains("ALTER TABLE inv.items ADD COLUMN price_new numeric(12,1);") == true)
        #expect(found.first?.help.contains("UPDATE inv.items SET price_new = price WHERE price_new IS NULL;") == true)
    }
}
