import Foundation
import Testing
@testable import Runner
import PGClient
import PGServers
import PGTestSupport

/// `replint ship` on a real publisher/subscriber pair: what each phase does
/// to the two databases, and what the report says, in PostgreSQL's words.
@Suite(.serialized) struct ShipTests {
    @Test func aHealthySubscriberFirstFileReachesBothSidesAndReplicationKeepsWorking() throws {
        try withPair { pair in
            let file = "ALTER TABLE hbi.hosts ADD COLUMN tags jsonb;\n"
            var options = ShipOptions()
            options.dryRun = true
            let dry = try ship(pair, file, options)
            #expect(dry.report.outcome == .dryRun && dry.report.exitCode == 0, "\(dry.output)")
            #expect(dry.phase(.checks).status == .ok)
            #expect(dry.output.contains("dry run: would apply 1 statement(s) in part 1 (line 1, one transaction)"), "\(dry.output)")
            #expect(try hostColumns(pair, .subscriber) == ["id", "display_name", "canonical_facts"])

            let run = try ship(pair, file)
            #expect(run.report.outcome == .shipped, "\(run.output)\n\(run.text)")
            #expect(run.report.exitCode == 0)
            #expect(run.report.phases.map(\.name) == [.checks, .subscriber, .between, .publisher, .after])
            #expect(run.report.phases.allSatisfy { $0.status == .ok }, "\(run.output)")
            #expect(run.phase(.subscriber).locks.contains("ACCESS EXCLUSIVE hbi.hosts"), "\(run.phase(.subscriber).locks)")
            #expect(run.phase(.subscriber).committed == ["part 1 (line 1, one transaction)"])
            #expect(run.report.applied[.publisher] == "the whole file (1 statement(s))")
            #expect(run.output.contains("subscriptions: replint_subscription (slot replint_subscription, publications p)"), "\(run.output)")
            for side in [ReplicationPair.Side.subscriber, .publisher] {
                #expect(try hostColumns(pair, side) == ["id", "display_name", "canonical_facts", "tags"])
            }
            try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', '{}', '[\"new\"]')", on: .publisher)
            try expectCatchesUp(pair)
            #expect(try pair.rows(on: .subscriber, sql: "SELECT tags::text FROM hbi.hosts WHERE id = 2") == [["[\"new\"]"]])
        }
    }

    @Test func aPublisherFirstFileReachesThePublisherFirstAndTheReportSaysSoInJSON() throws {
        try withPair { pair in
            var options = ShipOptions()
            options.format = .json
            let run = try ship(pair, "-- replint: apply-order publisher-first\nALTER TABLE hbi.hosts DROP COLUMN canonical_facts;\n", options)
            #expect(run.report.outcome == .shipped, "\(run.output)\n\(run.text)")
            #expect(run.report.firstSide == .publisher)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
            #expect(json["first_side"] as? String == "publisher")
            #expect(json["exit_code"] as? Int == 0)
            let phases = try #require(json["phases"] as? [[String: Any]])
            #expect(phases.map { $0["name"] as? String } == ["checks", "publisher", "between", "subscriber", "after"])
            #expect(phases.map { $0["status"] as? String } == ["ok", "ok", "ok", "ok", "ok"])
            for side in [ReplicationPair.Side.subscriber, .publisher] {
                #expect(try hostColumns(pair, side) == ["id", "display_name"])
            }
        }
    }

    @Test func aSubscriberPhaseThatFailsLeavesThePublisherUntouched() throws {
        try withPair { pair in
            let run = try ship(pair, """
                BEGIN;
                ALTER TABLE hbi.hosts ADD COLUMN tags jsonb;
                ALTER TABLE hbi.hosts ADD COLUMN display_name text;
                COMMIT;
                """)
            #expect(run.report.outcome == .failed && run.report.exitCode == 1, "\(run.output)")
            #expect(run.phase(.subscriber).status == .failed)
            #expect(run.phase(.publisher).status == .notRun)
            #expect(run.text.contains("column \"display_name\" of relation \"hosts\" already exists"), "\(run.text)")
            #expect(run.output.contains("applied: subscriber: nothing (rolled back); publisher: nothing"), "\(run.output)")
            #expect(run.output.contains("next: the publisher was not touched"), "\(run.output)")
            for side in [ReplicationPair.Side.subscriber, .publisher] {
                #expect(try hostColumns(pair, side) == ["id", "display_name", "canonical_facts"])
            }

            // A split plan ships one part at a time; part 1 is the subscriber-first one.
            var options = ShipOptions()
            options.part = 1
            let part = try ship(pair, "ALTER TABLE hbi.hosts ADD COLUMN tags jsonb;\nALTER TABLE hbi.hosts DROP COLUMN canonical_facts;\n", options)
            #expect(part.report.outcome == .shipped, "\(part.output)\n\(part.text)")
            #expect(part.report.file.hasSuffix("m.sql (part 1)"))
            for side in [ReplicationPair.Side.subscriber, .publisher] {
                #expect(try hostColumns(pair, side) == ["id", "display_name", "canonical_facts", "tags"])
            }
        }
    }

    @Test func aDropColumnShippedSubscriberFirstBreaksReplicationAndShipStopsBeforeThePublisher() throws {
        try withPair { pair in
            let traffic = try PublisherTraffic(pair)
            defer { traffic.stop() }
            var options = ShipOptions()
            options.force = true
            options.settle = .seconds(5)
            let run = try ship(pair, "ALTER TABLE hbi.hosts DROP COLUMN canonical_facts;\n", options)
            #expect(run.report.outcome == .failed && run.report.exitCode == 1, "\(run.output)\n\(run.text)")
            #expect(run.phase(.subscriber).status == .ok)
            #expect(run.phase(.between).status == .failed)
            #expect(run.phase(.publisher).status == .notRun)
            let counted = run.phase(.between).notes.first { $0.hasPrefix("apply_error_count of subscription replint_subscription rose from 0 to ") }
            #expect(counted != nil, "\(run.phase(.between).notes)")
            #expect(run.phase(.between).loggedErrors.contains { $0.hasPrefix(PairMessages.missingCanonicalFacts) },
                    "\(run.phase(.between).loggedErrors)")
            #expect(run.output.contains("PostgreSQL: \(PairMessages.missingCanonicalFacts)"), "\(run.output)")
            #expect(run.output.contains("applied: subscriber: the whole file (1 statement(s)); publisher: nothing"), "\(run.output)")
            #expect(run.output.contains("next: once replication is healthy, apply the file on the publisher alone: replint run"))
            #expect(run.output.contains("next: or undo the subscriber: run the file's downgrade there"), "\(run.output)")
            #expect(try hostColumns(pair, .publisher) == ["id", "display_name", "canonical_facts"])
        }
    }

    /// Without --subscriber-log, a superuser's ship reads the log through the
    /// server (pg_current_logfile, pg_read_file) when the collector writes one.
    @Test func withTheLoggingCollectorTheSubscribersLogIsReadThroughTheServer() throws {
        var pairOptions = ReplicationPair.Options()
        pairOptions.cluster.extraSettings["logging_collector"] = "on"
        try withPair(options: pairOptions) { pair in
            let run = try Self.breakReplicationWithoutALogFile(pair)
            #expect(run.report.subscriberLog.hasPrefix("read through the server from log/postgresql-"), "\(run.report.subscriberLog)")
            #expect(run.phase(.between).status == .failed)
            #expect(run.phase(.between).loggedErrors.contains { $0.hasPrefix(PairMessages.missingCanonicalFacts) },
                    "\(run.phase(.between).loggedErrors)")
            #expect(run.output.contains("PostgreSQL: \(PairMessages.missingCanonicalFacts)"), "\(run.output)")
        }
    }

    /// No collector and no --subscriber-log: the counters still tell, and
    /// the report says where PostgreSQL's words are.
    @Test func withoutALogToReadTheReportSaysWhereToLook() throws {
        try withPair { pair in
            let run = try Self.breakReplicationWithoutALogFile(pair)
            #expect(run.report.subscriberLog.hasPrefix(
                "not read (the subscriber writes no log file of its own (logging_collector is off)); PostgreSQL's own words are in the subscriber's server log"),
                "\(run.report.subscriberLog)")
            #expect(run.phase(.between).status == .failed)
            #expect(run.phase(.between).notes.contains { $0.hasPrefix("apply_error_count of subscription replint_subscription rose from 0 to ") },
                    "\(run.phase(.between).notes)")
            #expect(run.phase(.between).loggedErrors.isEmpty)
        }
    }

    /// A subscriber-first DROP COLUMN shipped with --force under traffic, and
    /// no --subscriber-log: what ship finds of the log on its own.
    static func breakReplicationWithoutALogFile(_ pair: ReplicationPair) throws -> ShipRun {
        let traffic = try PublisherTraffic(pair)
        defer { traffic.stop() }
        var options = ShipOptions()
        options.force = true
        options.settle = .seconds(5)
        options.readLog = false
        return try ship(pair, "ALTER TABLE hbi.hosts DROP COLUMN canonical_facts;\n", options)
    }

    @Test func aSubscriberThatDoesNotCatchUpInTimeStopsTheShipBeforeThePublisher() throws {
        let schema = hostsSchema + "\nCREATE TABLE hbi.groups (id bigint PRIMARY KEY, name text);"
        try withPair(schema: schema, publication: "CREATE PUBLICATION p FOR TABLE hbi.hosts, hbi.groups") { pair in
            // A session on the subscriber holds the table the next change
            // goes to: the apply worker waits on it, running and error-free.
            let holder = try pair.subscriber.connect(database: pair.options.database)
            defer { holder.close() }
            try holder.execute("BEGIN; LOCK TABLE hbi.groups IN ACCESS EXCLUSIVE MODE")
            try pair.execute("INSERT INTO hbi.groups VALUES (1, 'one')", on: .publisher)
            var options = ShipOptions()
            options.catchUpTimeout = .seconds(1)
            let run = try ship(pair, "ALTER TABLE hbi.hosts ADD COLUMN tags jsonb;\n", options)
            #expect(run.report.outcome == .failed && run.report.exitCode == 1, "\(run.output)")
            #expect(run.phase(.between).status == .failed)
            #expect(run.phase(.between).notes.contains { $0.hasPrefix("the subscriber did not catch up with the publisher's WAL position") },
                    "\(run.phase(.between).notes)")
            #expect(run.phase(.publisher).status == .notRun)
            #expect(try hostColumns(pair, .publisher) == ["id", "display_name", "canonical_facts"])
            try holder.execute("ROLLBACK")
            // The undo the report offers is SQL the subscriber accepts.
            #expect(run.report.revertStatements == ["ALTER TABLE hbi.hosts DROP COLUMN tags;"])
            #expect(run.output.contains("next: or undo the subscriber with: ALTER TABLE hbi.hosts DROP COLUMN tags;"), "\(run.output)")
            for statement in run.report.revertStatements ?? [] { try pair.execute(statement, on: .subscriber) }
            #expect(try hostColumns(pair, .subscriber) == ["id", "display_name", "canonical_facts"])
        }
    }

    @Test func aDisabledSubscriptionOrAnUnknownOneIsRefusedBeforeAnythingRuns() throws {
        try withPair { pair in
            try pair.execute("ALTER SUBSCRIPTION replint_subscription DISABLE", on: .subscriber)
            let run = try ship(pair, "ALTER TABLE hbi.hosts ADD COLUMN tags jsonb;\n")
            #expect(run.report.outcome == .cannotStart && run.report.exitCode == 2, "\(run.output)")
            #expect(run.phase(.checks).notes.contains { $0.contains("subscription replint_subscription is disabled") }, "\(run.output)")
            #expect(run.output.contains("ALTER SUBSCRIPTION \"replint_subscription\" ENABLE;"))
            #expect(run.phase(.subscriber).status == .notRun)

            var options = ShipOptions()
            options.subscription = "nosuch"
            let unknown = try ship(pair, "ALTER TABLE hbi.hosts ADD COLUMN tags jsonb;\n", options)
            #expect(unknown.report.exitCode == 2)
            #expect(unknown.output.contains("--subscription nosuch: the subscriber's database has no such subscription (it has replint_subscription (slot replint_subscription))"),
                    "\(unknown.output)")
            #expect(try hostColumns(pair, .subscriber) == ["id", "display_name", "canonical_facts"])
        }
    }
}
