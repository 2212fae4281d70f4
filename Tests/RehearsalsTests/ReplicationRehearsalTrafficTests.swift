import Testing
import Lint
@testable import Rehearsals
import PGClient
import PGServers
import PGTestSupport

/// The traffic: rows for every common column type, and the probes aimed
/// at a change one side has and the other has not yet.
extension ReplicationTests {
    @Suite struct RehearsalTraffic {
        static let manyTypes = """
            CREATE SCHEMA hbi;
            CREATE TYPE hbi.state AS ENUM ('fresh', 'stale');
            CREATE DOMAIN hbi.positive AS integer CHECK (VALUE > 0);
            CREATE TABLE hbi.hosts (id bigint PRIMARY KEY, display_name text, canonical_facts jsonb);
            CREATE TABLE hbi.everything (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                serial_number serial NOT NULL,
                host_id bigint NOT NULL REFERENCES hbi.hosts (id),
                small smallint NOT NULL, amount numeric(12, 2) NOT NULL, ratio double precision NOT NULL,
                code varchar(5) NOT NULL UNIQUE, flag char(3) NOT NULL, note text,
                token uuid NOT NULL, active boolean NOT NULL, doc json NOT NULL, facts jsonb NOT NULL,
                day date NOT NULL, at_time time NOT NULL, stamp timestamp NOT NULL, stamp_tz timestamptz NOT NULL,
                span interval NOT NULL, payload bytea NOT NULL, numbers integer[] NOT NULL, words text[] NOT NULL,
                state hbi.state NOT NULL, rank hbi.positive NOT NULL, created_on timestamptz NOT NULL DEFAULT now()
            );
            """

        @Test func everyCommonTypeIsFilledAndReplicated() throws {
            let report = try rehearseOnPair("ALTER TABLE hbi.everything ADD COLUMN extra text;\n", schema: Self.manyTypes,
                                            traffic: .all)
            #expect(report.exitCode == 0, "\(report.summary)")
            for phase in report.phases {
                #expect(phase.unfilledTables.isEmpty, "\(phase.unfilledTables)")
                #expect(phase.traffic.filter { $0.table == "hbi.everything" && $0.operation == .insert && $0.rows == 1 }.count
                        == Traffic.rowsPerTable)
                let everything = try #require(phase.comparisons.first { $0.table == "hbi.everything" })
                #expect(everything.equal && everything.publisherRows == phase.number * (Traffic.rowsPerTable - 1))
            }
        }

        @Test func theSameRehearsalSendsTheSameRows() throws {
            let first = try rehearseOnPair("ALTER TABLE hbi.hosts ADD COLUMN extra text;\n")
            let second = try rehearseOnPair("ALTER TABLE hbi.hosts ADD COLUMN extra text;\n")
            #expect(first.phases.map { $0.traffic.map(\.sql) } == second.phases.map { $0.traffic.map(\.sql) })
            #expect(first.phases.last?.comparisons.map(\.publisherHash) == second.phases.last?.comparisons.map(\.publisherHash))
        }

        @Test func aUniqueIndexOnTheSubscriberOnlyIsProbedWithADuplicate() throws {
            let report = try rehearseOnPair("CREATE UNIQUE INDEX hosts_display_name ON hbi.hosts (display_name);\n")
            #expect(report.exitCode == 1, "\(report.summary)")
            let probe = try #require(report.phases.first?.traffic.first { $0.operation == .probe })
            #expect(probe.purpose == "a duplicate of an existing (display_name), UNIQUE on the subscriber only")
            #expect(probe.rows == 1)
            #expect(report.phases.first?.problems(.applyError).contains {
                $0.message == "duplicate key value violates unique constraint \"hosts_display_name\""
            } == true, "\(report.summary)")
            // The probe's duplicate is gone before the publisher gets the index.
            #expect(report.phases.count == 2)
            #expect(report.phases.last?.problems(.statementFailed).isEmpty == true, "\(report.summary)")
        }

        @Test func aUniqueIndexPublisherFirstMeetsNoDuplicateOfTheTraffics() throws {
            let report = try rehearseOnPair("CREATE UNIQUE INDEX hosts_display_name ON hbi.hosts (display_name);\n",
                                            order: .publisherFirst)
            #expect(report.exitCode == 0, "\(report.summary)")
            #expect(report.phases.last?.comparisons.first?.equal == true)
        }

        @Test func aNotNullOnTheSubscriberOnlyIsProbedWithANull() throws {
            let report = try rehearseOnPair("ALTER TABLE hbi.hosts ALTER COLUMN display_name SET NOT NULL;\n")
            #expect(report.exitCode == 1, "\(report.summary)")
            #expect(report.phases.first?.traffic.contains { $0.purpose == "NULL in display_name, NOT NULL on the subscriber only" } == true)
            #expect(report.phases.first?.problems(.applyError).contains {
                $0.message == "null value in column \"display_name\" of relation \"hosts\" violates not-null constraint"
            } == true, "\(report.summary)")
        }

        @Test func aNarrowedTypeOnTheSubscriberIsProbedWithALongerValue() throws {
            let report = try rehearseOnPair("ALTER TABLE hbi.hosts ALTER COLUMN display_name TYPE varchar(8);\n")
            #expect(report.exitCode == 1, "\(report.summary)")
            #expect(report.phases.first?.traffic.contains { $0.purpose?.hasPrefix("a value of 9 characters in display_name") == true } == true)
            #expect(report.phases.first?.problems(.applyError).contains {
                $0.message == "value too long for type character varying(8)"
            } == true, "\(report.summary)")
        }

        @Test func anEnumLabelAddedOnThePublisherFirstIsProbed() throws {
            let schema = """
                CREATE SCHEMA hbi;
                CREATE TYPE hbi.host_type AS ENUM ('conventional', 'edge');
                CREATE TABLE hbi.hosts (id bigint PRIMARY KEY, display_name text, canonical_facts jsonb, host_type hbi.host_type);
                """
            // The file names no table: the tables with a column of the enum get the traffic.
            let report = try rehearseOnPair("ALTER TYPE hbi.host_type ADD VALUE 'bootc';\n", order: .publisherFirst, schema: schema)
            #expect(report.exitCode == 1, "\(report.summary)")
            #expect(report.phases.first?.traffic.contains { $0.purpose?.hasPrefix("the label 'bootc'") == true } == true)
            #expect(report.phases.first?.problems(.applyError).contains {
                $0.message == "invalid input value for enum hbi.host_type: \"bootc\"" && $0.lines == [1]
            } == true, "\(report.summary)")
        }
    }
}
