import Testing
@testable import PGServers
import PGClient
import PGTestSupport

extension ReplicationTests {
    @Suite struct Pair {
        @Test func copiesExistingRowsThenReplicatesNewOnes() throws {
            try withPair { pair in
                for side in [ReplicationPair.Side.publisher, .subscriber] {
                    #expect(try pair.rows(on: side, sql: "SHOW wal_level") == [["logical"]])
                    #expect(try pair.rows(on: side, sql: "SELECT current_database()") == [["app"]])
                }
                #expect(try pair.subscribedTables() == [SubscribedTable(name: "hbi.hosts", state: "r")])
                #expect(try pair.rows(on: .subscriber, sql: allHosts) == [["1", "one", "{\"fqdn\": \"one\"}"]])

                try pair.execute("""
                    INSERT INTO hbi.hosts VALUES (2, 'two', NULL), (3, 'three', '{}');
                    UPDATE hbi.hosts SET display_name = 'uno' WHERE id = 1;
                    DELETE FROM hbi.hosts WHERE id = 3;
                    """, on: .publisher)
                try expectCatchesUp(pair)
                #expect(try pair.rows(on: .subscriber, sql: allHosts) == pair.rows(on: .publisher, sql: allHosts))
                #expect(try pair.rows(on: .subscriber, sql: allHosts).count == 2)
                #expect(try pair.applyErrors() == ApplyErrors(applyErrorCount: 0, syncErrorCount: 0, errors: []))
                #expect(pair.timings.start != nil)
                #expect(pair.timings.synchronisation != nil)
                #expect(pair.timings.catchUp != nil)
            }
        }

        @Test func withoutCopyDataOnlyNewChangesArrive() throws {
            let pair = try ReplicationPair.start()
            defer { pair.stop() }
            try pair.load(sql: hostsSchema, on: .both)
            try pair.execute("INSERT INTO hbi.hosts VALUES (1, 'before', NULL)", on: .publisher)
            try pair.createPublication("CREATE PUBLICATION p FOR ALL TABLES")
            try pair.subscribe(publication: "p", copyData: false)
            try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'after', NULL)", on: .publisher)
            try expectCatchesUp(pair)
            #expect(try pair.rows(on: .subscriber, sql: "SELECT id FROM hbi.hosts") == [["2"]])
        }

        @Test func aDisabledSubscriptionTimesOut() throws {
            try withPair { pair in
                try pair.execute("ALTER SUBSCRIPTION replint_subscription DISABLE", on: .subscriber)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', NULL)", on: .publisher)
                let catchUp = try pair.waitForCatchUp(timeout: .milliseconds(500))
                #expect(catchUp.outcome == .timedOut)
                #expect(catchUp.confirmedLSN != nil)
                #expect(catchUp.errors.isEmpty)
            }
        }

        @Test func aCallersOpenTransactionDoesNotBlindTheWait() throws {
            try withPair { pair in
                try pair.execute("ALTER TABLE hbi.hosts DROP COLUMN canonical_facts", on: .subscriber)
                // Statistics read inside a transaction stay as first read.
                try pair.execute("BEGIN; SELECT apply_error_count FROM pg_stat_subscription_stats", on: .subscriber)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', '{}')", on: .publisher)
                try expectApplyStops(pair, with: ReplicationTests.Breakage.missingCanonicalFacts)
                #expect(try pair.connection(.subscriber).transactionStatus == .inTransaction)
                try pair.execute("ROLLBACK", on: .subscriber)
            }
        }

        @Test func stopRemovesBothClustersAndIsIdempotent() throws {
            let pair = try ReplicationPair.start()
            let directories = [pair.publisher.directory, pair.subscriber.directory]
            let dataDirectories = [pair.publisher.dataDirectory, pair.subscriber.dataDirectory]
            try pair.load(sql: hostsSchema, on: .both)
            try pair.createPublication("CREATE PUBLICATION p FOR ALL TABLES")
            try pair.subscribe(publication: "p")
            #expect(dataDirectories.allSatisfy { !processes(mentioning: $0).isEmpty })
            pair.stop()
            pair.stop()
            #expect(directories.allSatisfy { !directoryExists($0) })
            #expect(dataDirectories.allSatisfy { processes(mentioning: $0).isEmpty })
            #expect(throws: PostgresError.self) { try pair.rows(on: .publisher, sql: "SELECT 1") }
        }

        @Test func aPairThatDoesNotStartLeavesNothingBehind() throws {
            let parent = try ScratchDirectory()
            defer { parent.remove() }
            let cluster = EphemeralCluster.Options(extraSettings: ["replint_no_such_setting": "1"],
                                                   parentDirectory: parent.path)
            let error = try #require(throws: PostgresError.self) { try ReplicationPair.start(.init(cluster: cluster)) }
            #expect("\(error)".contains("replint_no_such_setting"))
            #expect(parent.entries.isEmpty)
            #expect(processes(mentioning: parent.path).isEmpty)
        }

        @Test func aSubscriptionToAMissingTableIsAServerError() throws {
            let pair = try ReplicationPair.start()
            defer { pair.stop() }
            try pair.load(sql: hostsSchema, on: [.publisher])
            try pair.createPublication("CREATE PUBLICATION p FOR TABLE hbi.hosts")
            let error = serverError { try pair.subscribe(publication: "p") }
            #expect(error?.message == "schema \"hbi\" does not exist")
        }

        @Test func aTableCopyThatFailsEndsTheWaitWithItsError() throws {
            let pair = try ReplicationPair.start()
            defer { pair.stop() }
            try pair.load(sql: hostsSchema, on: .both)
            try pair.execute("ALTER TABLE hbi.hosts ADD COLUMN org_id text NOT NULL", on: .subscriber)
            try pair.execute("INSERT INTO hbi.hosts VALUES (1, 'one', '{}')", on: .publisher)
            try pair.createPublication("CREATE PUBLICATION p FOR ALL TABLES")
            let error = try #require(throws: PostgresError.self) { try pair.subscribe(publication: "p") }
            #expect("\(error)".contains("a table copy failed"))
            #expect("\(error)".contains("hbi.hosts (state "))
            #expect("\(error)".contains("null value in column \"org_id\" of relation \"hosts\" violates not-null constraint"))
            #expect(try pair.applyErrors().syncErrorCount >= 1)
        }

        @Test func readsReplicationWorkerErrorsFromTheLog() {
            let log = """
                2026-11-26 10:00:00.100 UTC [41] [client backend] ERROR:  relation "x" does not exist
                2026-11-26 10:00:00.200 UTC [42] [logical replication worker] LOG:  logical replication apply worker for subscription "s" has started
                2026-11-26 10:00:00.300 UTC [42] [logical replication worker] ERROR:  logical replication target relation "hbi.hosts" is missing replicated column: "canonical_facts"
                2026-11-26 10:00:00.300 UTC [42] [logical replication worker] CONTEXT:  processing remote data for replication origin "pg_16390" during "INSERT"
                2026-11-26 10:00:00.400 UTC [43] [logical replication launcher] ERROR:  not an apply error
                2026-11-26 10:00:00.500 UTC [44] [logical replication tablesync worker] ERROR:  first line
                \tsecond line
                2026-11-26 10:00:00.600 UTC [44] [logical replication tablesync worker] LOG:  something else
                2026-11-26 10:00:00.700 UTC [45] [logical replication apply worker] ERROR:  duplicate key value violates unique constraint "hosts_pkey"
                2026-11-26 10:00:00.700 UTC [45] [logical replication apply worker] DETAIL:  Key (id)=(1) already exists.
                2026-11-26 10:00:00.700 UTC [45] [logical replication apply worker] HINT:  a hint
                \twith a second line
                2026-11-26 10:00:00.700 UTC [45] [logical replication apply worker] CONTEXT:  processing remote data
                2026-11-26 10:00:00.800 UTC [45] [logical replication apply worker] LOG:  not an error
                2026-11-26 10:00:00.800 UTC [45] [logical replication apply worker] DETAIL:  of the LOG line
                """
            let errors = ReplicationPair.replicationWorkerErrors(inLog: log)
            #expect(errors.map(\.message) == [
                "logical replication target relation \"hbi.hosts\" is missing replicated column: \"canonical_facts\"",
                "first line\nsecond line",
                "duplicate key value violates unique constraint \"hosts_pkey\"",
            ])
            #expect(errors.map(\.context) == [
                "processing remote data for replication origin \"pg_16390\" during \"INSERT\"", nil, "processing remote data",
            ])
            #expect(errors.map(\.detail) == [nil, nil, "Key (id)=(1) already exists."])
            #expect(errors.map(\.hint) == [nil, nil, "a hint\nwith a second line"])
            #expect(errors.map(\.backendType) == [
                "logical replication worker", "logical replication tablesync worker", "logical replication apply worker",
            ])
            let report = ApplyErrors(applyErrorCount: 2, syncErrorCount: 0, errors: errors + errors)
            #expect(report.distinctMessages.count == 3)
        }
    }
}
