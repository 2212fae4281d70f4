import Testing
@testable import PGServers
import PGClient
import PGTestSupport

/// Without a usable replica identity it is the publisher's own UPDATE and
/// DELETE that fail; INSERT keeps working.
extension ReplicationTests {
    @Suite struct Identity {
        static let cannotUpdate =
            "cannot update table \"hosts\" because it does not have a replica identity and publishes updates"

        @Test func replicaIdentityNothingBreaksUpdatesOnThePublisher() throws {
            try withPair { pair in
                try pair.execute("ALTER TABLE hbi.hosts REPLICA IDENTITY NOTHING", on: .publisher)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', '{}')", on: .publisher)
                let update = serverError { try pair.execute("UPDATE hbi.hosts SET display_name = 'uno'", on: .publisher) }
                #expect(update?.message == Self.cannotUpdate)
            }
        }

        @Test func aColumnListThatMissesTheReplicaIdentityBreaksUpdates() throws {
            try withPair(publication: "CREATE PUBLICATION p FOR TABLE hbi.hosts (id, display_name)") { pair in
                try pair.execute("ALTER PUBLICATION p SET TABLE hbi.hosts (display_name)", on: .publisher)
                let update = serverError { try pair.execute("UPDATE hbi.hosts SET display_name = 'uno'", on: .publisher) }
                #expect(update?.message == "cannot update table \"hosts\"")
                #expect(update?.detail == "Column list used by the publication does not cover the replica identity.")
            }
        }

        @Test func aRowFilterOutsideTheReplicaIdentityBreaksUpdates() throws {
            let publication = "CREATE PUBLICATION p FOR TABLE hbi.hosts WHERE (display_name <> 'hidden')"
            try withPair(publication: publication) { pair in
                let update = serverError { try pair.execute("UPDATE hbi.hosts SET display_name = 'uno'", on: .publisher) }
                #expect(update?.message == "cannot update table \"hosts\"")
                #expect(update?.detail == "Column used in the publication WHERE expression is not part of the replica identity.")
            }
        }
    }
}
