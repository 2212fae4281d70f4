import Testing
import Lint
@testable import Rehearsals
import PGClient
import PGServers
import PGTestSupport

/// The probe issue 14 lists last: a row for a new or re-attached partition.
extension ReplicationTests {
    @Suite struct RehearsalPartitionProbe {
        static let schema = """
            CREATE SCHEMA hbi;
            CREATE TABLE hbi.hosts (id bigint, k int, name text, PRIMARY KEY (id, k)) PARTITION BY LIST (k);
            CREATE TABLE hbi.hosts_p1 PARTITION OF hbi.hosts FOR VALUES IN (1);
            CREATE PUBLICATION p FOR TABLE hbi.hosts WITH (publish_via_partition_root = true);
            """

        @Test func boundValuesAreReadFromThePartitionBound() {
            #expect(TableShape.firstBoundValue("FOR VALUES IN ('a,b', 'c')") == "'a,b'")
            #expect(TableShape.firstBoundValue("FOR VALUES IN (4)") == "4")
            #expect(TableShape.firstBoundValue("FOR VALUES FROM (10) TO (20)") == "10")
            #expect(TableShape.firstBoundValue("FOR VALUES FROM (MINVALUE) TO (5)") == nil)
            #expect(TableShape.firstBoundValue("DEFAULT") == nil)
        }

        @Test func aNewPartitionOnThePublisherFirstStopsApplyAndTheProbeShowsIt() throws {
            let migration = "-- replint: apply-order publisher-first\nCREATE TABLE hbi.hosts_p2 PARTITION OF hbi.hosts FOR VALUES IN (2);"
            let report = try rehearseOnPair(migration, order: .publisherFirst, schema: Self.schema,
                                            seed: "INSERT INTO hbi.hosts VALUES (1, 1, 'one');")
            let probes = report.phases.first?.traffic.filter { $0.operation == .probe } ?? []
            #expect(probes.contains { $0.purpose?.contains("partition hbi.hosts_p2") == true }, "\(probes.map { $0.purpose ?? "" })")
            #expect(report.problems.contains { $0.message.contains("no partition of relation") }, "\(report.summary)")
            #expect(report.exitCode == 1)
        }
    }
}
