import Testing
@testable import PGServers
import PGClient
import PGTestSupport

/// A constraint the subscriber has and the publisher does not enforce stops
/// apply with the constraint's own error; these pin the texts replint quotes.
extension ReplicationTests {
    @Suite struct SubscriberConstraint {
        @Test func uniqueIndexSubscriberFirstStopsApplyOnADuplicate() throws {
            try withPair { pair in
                try pair.execute("CREATE UNIQUE INDEX hosts_display_name_key ON hbi.hosts (display_name)", on: .subscriber)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'one', '{}')", on: .publisher)
                try expectApplyStops(pair, with:
                    "duplicate key value violates unique constraint \"hosts_display_name_key\"")
                #expect(try pair.applyErrors().errors.first?.detail == "Key (display_name)=(one) already exists.")
            }
        }

        @Test func narrowedTypeSubscriberFirstStopsApplyOnALongerValue() throws {
            try withPair { pair in
                try pair.execute("ALTER TABLE hbi.hosts ALTER COLUMN display_name TYPE varchar(3)", on: .subscriber)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'fourteen', '{}')", on: .publisher)
                try expectApplyStops(pair, with: "value too long for type character varying(3)")
            }
        }

        @Test func enumLabelUsedOnThePublisherFirstStopsApply() throws {
            let schema = hostsSchema + """
                CREATE TYPE hbi.host_state AS ENUM ('up');
                ALTER TABLE hbi.hosts ADD COLUMN state hbi.host_state;
                """
            try withPair(schema: schema, seed: nil) { pair in
                try pair.execute("ALTER TYPE hbi.host_state ADD VALUE 'down'", on: .publisher)
                try pair.execute("INSERT INTO hbi.hosts VALUES (1, 'one', '{}', 'down')", on: .publisher)
                try expectApplyStops(pair, with: "invalid input value for enum hbi.host_state: \"down\"")
            }
        }

        @Test func truncateStopsApplyOnASubscriberOnlyForeignKey() throws {
            try withPair { pair in
                try pair.execute("CREATE TABLE hbi.notes (host_id bigint REFERENCES hbi.hosts)", on: .subscriber)
                try pair.execute("TRUNCATE hbi.hosts", on: .publisher)
                try expectApplyStops(pair, with: "cannot truncate a table referenced in a foreign key constraint")
                #expect(try pair.applyErrors().errors.first?.detail == "Table \"notes\" references \"hosts\".")
            }
        }

        @Test func volatileDefaultsDivergeExistingRows() throws {
            try withPair { pair in
                let add = "ALTER TABLE hbi.hosts ADD COLUMN token uuid DEFAULT gen_random_uuid()"
                try pair.load(sql: add, on: [.subscriber, .publisher])
                try expectCatchesUp(pair)
                // Each side filled the existing row itself, with its own value.
                let token = "SELECT token FROM hbi.hosts WHERE id = 1"
                #expect(try pair.rows(on: .subscriber, sql: token) != pair.rows(on: .publisher, sql: token))
            }
        }

        @Test func publicationDDLOnTheSubscriberFails() throws {
            try withPair { pair in
                let error = serverError { try pair.execute("ALTER PUBLICATION p ADD TABLE hbi.hosts", on: .subscriber) }
                #expect(error?.message == "publication \"p\" does not exist")
            }
        }
    }
}
