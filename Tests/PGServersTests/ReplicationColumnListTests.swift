import Testing
@testable import PGServers
import PGClient
import PGTestSupport

/// The seed publishes its tables with column lists; these show what that
/// does to a column added later, and to dropping a listed one.
extension ReplicationTests {
    @Suite struct ColumnList {
        static let publication = "CREATE PUBLICATION p FOR TABLE hbi.hosts (id, display_name)"

        @Test func anAddedColumnIsNotReplicatedUntilTheListChanges() throws {
            try withPair(publication: Self.publication) { pair in
                try pair.load(sql: "ALTER TABLE hbi.hosts ADD COLUMN org_id text", on: [.subscriber, .publisher])
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', '{}', 'org-2')", on: .publisher)
                try expectCatchesUp(pair)
                let ids = "SELECT id, display_name, org_id FROM hbi.hosts ORDER BY id"
                #expect(try pair.rows(on: .subscriber, sql: ids) == [["1", "one", nil], ["2", "two", nil]])

                try pair.execute("ALTER PUBLICATION p SET TABLE hbi.hosts (id, display_name, org_id)", on: .publisher)
                try pair.execute("INSERT INTO hbi.hosts VALUES (3, 'three', '{}', 'org-3')", on: .publisher)
                try expectCatchesUp(pair)
                // Rows written before the list changed stay without the value.
                #expect(try pair.rows(on: .subscriber, sql: ids)
                        == [["1", "one", nil], ["2", "two", nil], ["3", "three", "org-3"]])
            }
        }

        @Test func droppingAListedColumnIsRefusedOnThePublisher() throws {
            try withPair(publication: Self.publication) { pair in
                let error = serverError { try pair.execute("ALTER TABLE hbi.hosts DROP COLUMN display_name", on: .publisher) }
                #expect(error?.message == "cannot drop column display_name of table hbi.hosts because other objects depend on it")
                #expect(error?.detail == "publication of table hbi.hosts in publication p depends on column display_name of table hbi.hosts")
            }
        }

        @Test func droppingAListedColumnWithCascadeUnpublishesTheTable() throws {
            try withPair(publication: Self.publication) { pair in
                try pair.execute("ALTER TABLE hbi.hosts DROP COLUMN display_name CASCADE", on: .publisher)
                let published = "SELECT schemaname, tablename FROM pg_publication_tables WHERE pubname = 'p'"
                #expect(try pair.rows(on: .publisher, sql: published) == [])
                // No error anywhere: the subscriber just stops hearing about it.
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, '{}')", on: .publisher)
                try expectCatchesUp(pair)
                #expect(try pair.rows(on: .subscriber, sql: "SELECT id FROM hbi.hosts ORDER BY id") == [["1"]])
            }
        }
    }
}
