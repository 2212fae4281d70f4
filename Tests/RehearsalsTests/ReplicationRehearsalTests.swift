import Testing
import Lint
@testable import Rehearsals
import PGClient
import PGServers
import PGTestSupport

/// `rehearse --replication` on real pairs: the changes issue 14 lists, each
/// with PostgreSQL's own words in the report and the exit code it implies.
extension ReplicationTests {
    @Suite struct Rehearsal {
        static let dropCanonicalFacts = "BEGIN;\nALTER TABLE hbi.hosts DROP COLUMN canonical_facts;\nCOMMIT;\n"

        @Test func dropColumnSubscriberFirstQuotesTheApplyError() throws {
            let report = try rehearseOnPair(Self.dropCanonicalFacts)
            #expect(report.exitCode == 1, "\(report.summary)")
            let error = try #require(report.phases.first?.problems(.applyError).first, "\(report.summary)")
            #expect(error.message == PairMessages.missingCanonicalFacts)
            #expect(error.logLine?.contains("ERROR:  " + PairMessages.missingCanonicalFacts) == true)
            #expect(error.lines == [2])
            #expect(report.findings.contains { $0.ruleID == "replication-apply-order" && $0.confirmed })
            #expect(report.unpredicted.isEmpty)
        }

        @Test func aBreakageNoRulePredictedIsCalledOut() throws {
            let report = try rehearseOnPair(Self.dropCanonicalFacts, findings: [])
            #expect(report.exitCode == 1)
            #expect(report.findings.isEmpty)
            #expect(report.unpredicted.contains { $0.message == PairMessages.missingCanonicalFacts && $0.lines == [2] })
        }

        @Test func dropColumnPublisherFirstReplicatesWithoutDivergence() throws {
            let report = try rehearseOnPair(Self.dropCanonicalFacts, order: .publisherFirst)
            #expect(report.exitCode == 0, "\(report.summary)")
            #expect(report.phases.count == 2)
            for phase in report.phases {
                #expect(phase.catchUp == "caught up")
                #expect(!phase.comparisons.isEmpty && phase.comparisons.allSatisfy { $0.equal })
                #expect(phase.traffic.contains { $0.operation == .update && $0.error == nil && $0.rows == 1 })
                #expect(phase.traffic.contains { $0.operation == .delete && $0.error == nil && $0.rows == 1 })
            }
        }

        @Test func requiredColumnWithoutDefaultSubscriberFirstQuotesTheNotNullViolation() throws {
            let report = try rehearseOnPair("ALTER TABLE hbi.hosts ADD COLUMN reporter text NOT NULL;\n", seed: nil)
            #expect(report.exitCode == 1, "\(report.summary)")
            #expect(report.phases.first?.problems(.applyError).map(\.message).contains(
                "null value in column \"reporter\" of relation \"hosts\" violates not-null constraint") == true,
                "\(report.summary)")
        }

        @Test(arguments: [ApplyOrder.subscriberFirst, .publisherFirst])
        func renameColumnBreaksInBothOrders(order: ApplyOrder) throws {
            let report = try rehearseOnPair("ALTER TABLE hbi.hosts RENAME COLUMN canonical_facts TO facts;\n", order: order)
            #expect(report.exitCode == 1, "\(report.summary)")
            let missing = order == .subscriberFirst ? "canonical_facts" : "facts"
            #expect(report.problems(.applyError).contains {
                $0.message == "logical replication target relation \"hbi.hosts\" is missing replicated column: \"\(missing)\""
            }, "\(report.summary)")
        }

        @Test func droppingThePrimaryKeyQuotesThePublishersRefusal() throws {
            let report = try rehearseOnPair("ALTER TABLE hbi.hosts DROP CONSTRAINT hosts_pkey;\n", order: .publisherFirst)
            #expect(report.exitCode == 1, "\(report.summary)")
            #expect(report.phases.first?.problems(.publisherError).contains {
                $0.message.hasSuffix("cannot update table \"hosts\" because it does not have a replica identity and publishes updates")
            } == true, "\(report.summary)")
        }

        @Test func dataMigrationOnBothSidesIsReported() throws {
            let report = try rehearseOnPair("INSERT INTO hbi.hosts VALUES (100, 'data', '{}');\n")
            #expect(report.exitCode == 1, "\(report.summary)")
            let duplicate = report.problems(.applyError).contains { $0.message.hasPrefix("duplicate key value violates unique constraint") }
            let diverged = !report.problems(.divergence).isEmpty
            #expect(duplicate || diverged, "\(report.summary)")
            #expect(report.problems.filter(\.kind.breaks).allSatisfy { $0.lines == [1] || $0.lines.isEmpty })
        }

        @Test func additiveChangesSubscriberFirstReplicateAfterTheRefresh() throws {
            let report = try rehearseOnPair("""
                ALTER TABLE hbi.hosts ADD COLUMN last_check_in timestamptz;
                CREATE TABLE hbi.host_labels (id bigint PRIMARY KEY, host_id bigint NOT NULL, key text NOT NULL);
                """)
            #expect(report.exitCode == 0, "\(report.summary)")
            let last = try #require(report.phases.last)
            #expect(last.notes.contains { $0.hasPrefix("REFRESH PUBLICATION needed: hbi.host_labels") })
            let labels = try #require(last.comparisons.first { $0.table == "hbi.host_labels" })
            #expect(labels.equal && labels.publisherRows > 0)
            #expect(last.comparisons.allSatisfy { $0.equal })
        }

        @Test func alembicLeftoversAreRefusedWithoutRunning() throws {
            let report = try rehearseOnPair("""
                INFO  [alembic.runtime.migration] Running upgrade a -> b
                ALTER TABLE hbi.hosts ADD COLUMN x text;
                """)
            #expect(report.exitCode == 1)
            #expect(report.refusal?.contains("alembic-log-line") == true)
            #expect(report.phases.isEmpty)
        }

        @Test func aBaselineThatCannotBeLoadedIsExitTwo() throws {
            let report = try rehearseOnPair("SELECT 1;\n", schema: "CREATE TABLE broken (;\n")
            #expect(report.exitCode == 2)
            #expect(report.setupError != nil)
        }
    }
}
