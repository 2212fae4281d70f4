import Testing
@testable import PGServers
import PGClient
import PGTestSupport

/// The changes issue 13 says are safe subscriber-first: they replicate, and
/// the two sides end up with the same rows.
extension ReplicationTests {
    @Suite struct SafeChange {
        @Test func nullableAddColumnSubscriberFirstReplicates() throws {
            try withPair { pair in
                try pair.execute("ALTER TABLE hbi.hosts ADD COLUMN org_id text", on: .subscriber)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', '{}')", on: .publisher)
                try expectCatchesUp(pair)
                try pair.execute("ALTER TABLE hbi.hosts ADD COLUMN org_id text", on: .publisher)
                try pair.execute("""
                    INSERT INTO hbi.hosts VALUES (3, 'three', '{}', 'org-3');
                    UPDATE hbi.hosts SET org_id = 'org-1' WHERE id = 1;
                    """, on: .publisher)
                try expectCatchesUp(pair)
                #expect(try pair.rows(on: .subscriber, sql: allHosts) == pair.rows(on: .publisher, sql: allHosts))
                #expect(try pair.rows(on: .subscriber, sql: "SELECT org_id FROM hbi.hosts ORDER BY id")
                        == [["org-1"], [nil], ["org-3"]])
                #expect(try pair.applyErrors().applyErrorCount == 0)
            }
        }

        static let groups = "CREATE TABLE hbi.groups (id bigint PRIMARY KEY, name text NOT NULL)"
        static let allGroups = "SELECT * FROM hbi.groups ORDER BY id"

        @Test func newTableAddedToThePublicationReplicatesAfterRefresh() throws {
            try withPair { pair in
                try pair.load(sql: Self.groups, on: [.subscriber, .publisher])
                try pair.execute("ALTER PUBLICATION p ADD TABLE hbi.groups", on: .publisher)
                try pair.execute("INSERT INTO hbi.groups VALUES (1, 'first')", on: .publisher)
                try pair.refreshPublication()
                try pair.execute("INSERT INTO hbi.groups VALUES (2, 'second')", on: .publisher)
                try expectCatchesUp(pair)
                #expect(try pair.rows(on: .subscriber, sql: Self.allGroups) == [["1", "first"], ["2", "second"]])
                #expect(try pair.subscribedTables().map(\.name) == ["hbi.groups", "hbi.hosts"])
            }
        }

        @Test func newTableUnderAllTablesIsMissedUntilRefresh() throws {
            try withPair(publication: "CREATE PUBLICATION p FOR ALL TABLES") { pair in
                try pair.load(sql: Self.groups, on: [.subscriber, .publisher])
                try pair.execute("INSERT INTO hbi.groups VALUES (1, 'first')", on: .publisher)
                try expectCatchesUp(pair)
                // Published, but not in the subscription's table list yet.
                #expect(try pair.rows(on: .subscriber, sql: Self.allGroups) == [])

                try pair.refreshPublication()
                try pair.execute("INSERT INTO hbi.groups VALUES (2, 'second')", on: .publisher)
                try expectCatchesUp(pair)
                #expect(try pair.rows(on: .subscriber, sql: Self.allGroups) == pair.rows(on: .publisher, sql: Self.allGroups))
                #expect(try pair.rows(on: .subscriber, sql: Self.allGroups).count == 2)
            }
        }
    }
}
