import Testing
import Lint
@testable import Rehearsals
import PGClient
import PGServers
import PGTestSupport

/// The seed's publication: hbi.hosts, hash-partitioned, published through
/// its root with a column list and a row filter, replica identity on a
/// unique index.
extension ReplicationTests {
    @Suite struct RehearsalSeedShape {
        @Test func addedColumnIsReportedAsNotReplicated() throws {
            let report = try rehearseOnPair("ALTER TABLE hbi.hosts ADD COLUMN last_check_in timestamptz;\n",
                                            subscriberSchema: seedSubscriberRelaxation, seed: nil, schemaFiles: [seedBaseline])
            #expect(report.exitCode == 0, "\(report.summary)")
            #expect(report.publications == ["hbi_hosts_pub_v1_0_2"])
            let note = try #require(report.problems(.notReplicated).first, "\(report.summary)")
            #expect(note.message.contains("hbi.hosts.last_check_in not replicated: not in the column list"))
            #expect(note.lines == [1])
            // Rows the row filter admits reach the subscriber, and only those are compared.
            let hosts = try #require(report.phases.last?.comparisons.first { $0.table == "hbi.hosts" })
            #expect(hosts.equal && hosts.publisherRows > 0)
            #expect(!hosts.columns.contains("canonical_facts"))
        }

        @Test func droppingAListedColumnIsRefusedByThePublisher() throws {
            let report = try rehearseOnPair("ALTER TABLE hbi.hosts DROP COLUMN display_name;\n", order: .publisherFirst,
                                            subscriberSchema: seedSubscriberRelaxation, seed: nil, schemaFiles: [seedBaseline])
            #expect(report.exitCode == 1, "\(report.summary)")
            let refusal = try #require(report.problems(.statementFailed).first, "\(report.summary)")
            #expect(refusal.side == .publisher)
            #expect(refusal.message.hasSuffix("failed on the publisher: cannot drop desired object(s) because other objects depend on them"),
                    "\(refusal.message)")
            #expect(refusal.detail?.contains("publication") == true, "\(refusal.detail ?? "")")
            #expect(report.phases.count == 1)
        }

        @Test func anApplyErrorOnAPartitionIsTiedToTheStatementOnItsRoot() throws {
            let report = try rehearseOnPair("ALTER TABLE hbi.hosts ALTER COLUMN account SET NOT NULL;\n",
                                            subscriberSchema: seedSubscriberRelaxation, seed: nil, schemaFiles: [seedBaseline])
            #expect(report.exitCode == 1, "\(report.summary)")
            let error = try #require(report.phases.first?.problems(.applyError).first, "\(report.summary)")
            #expect(error.message.hasPrefix("null value in column \"account\" of relation \"hosts_p"), "\(error.message)")
            #expect(error.table == "hbi.hosts")
            #expect(error.lines == [1])
            #expect(report.phases.first?.traffic.contains { $0.purpose == "NULL in account, NOT NULL on the subscriber only" } == true)
        }

        @Test func withoutTheSubscribersOwnSchemaTheBaselineIsReportedBroken() throws {
            let report = try rehearseOnPair("ALTER TABLE hbi.hosts ADD COLUMN x text;\n", seed: nil, schemaFiles: [seedBaseline])
            #expect(report.exitCode == 2)
            #expect(report.setupError?.contains("null value in column \"canonical_facts\"") == true, "\(report.summary)")
        }
    }
}
