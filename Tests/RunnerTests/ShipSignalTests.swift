import Foundation
import Testing
@testable import Runner
import PGClient
import PGServers
import PGTestSupport

/// SIGTERM while `replint ship` applies the first side, watches replication
/// between the sides, or applies the second side: the running statement is
/// rolled back, the process exits 143, and the report says what is applied
/// where. The real binary, as RunnerSignalTests runs it.
@Suite(.serialized) struct ShipSignalTests {
    enum Moment: String, CaseIterable {
        case firstSide, between, secondSide
    }

    /// A statement that sleeps on one side only: the subscriber is the
    /// database that has a subscription (pg_subscription is shared by the cluster).
    static func sleep(onSubscriber: Bool) -> String {
        "SELECT pg_sleep(CASE WHEN \(onSubscriber ? "" : "NOT ")EXISTS (SELECT FROM pg_subscription) THEN 300 ELSE 0 END);"
    }

    @Test(arguments: Moment.allCases)
    func sigtermRollsBackTheRunningSideAndTheReportSaysWhatIsAppliedWhere(moment: Moment) throws {
        try #require(FileManager.default.isExecutableFile(atPath: RunnerSignalTests.binary.path), "build the replint product first")
        try withPair { pair in
            let directory = try ScratchDirectory()
            defer { directory.remove() }
            let sleeper = switch moment {
            case .firstSide: Self.sleep(onSubscriber: true)
            case .between: "SELECT 1;"
            case .secondSide: Self.sleep(onSubscriber: false)
            }
            try directory.write("m.sql", "BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN tags jsonb;\n\(sleeper)\nCOMMIT;\n")
            let process = Process()
            process.executableURL = RunnerSignalTests.binary
            process.arguments = ["ship", "\(directory.path)/m.sql", "--settle", moment == .between ? "300s" : "0s",
                                 "--subscriber-log", pair.subscriber.logFile]
            process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("INVENTORY_") }
            environment[ShipRequest.subscriberVariable] = pair.subscriber.conninfo(database: pair.options.database)
            environment[ShipRequest.publisherVariable] = pair.publisher.conninfo(database: pair.options.database)
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

            switch moment {
            case .firstSide:
                try waitUntil("the sleep runs on the subscriber") { try Self.sleeping(pair, .subscriber) }
            case .between:
                try waitUntil("the subscriber has the column") { try hostColumns(pair, .subscriber).contains("tags") }
                usleep(500_000)
            case .secondSide:
                try waitUntil("the sleep runs on the publisher") { try Self.sleeping(pair, .publisher) }
            }
            kill(process.processIdentifier, SIGTERM)
            try waitUntil("replint exits") { !process.isRunning }
            let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

            #expect(process.terminationReason == .exit, "\(report)")
            #expect(process.terminationStatus == 143, "\(report)")
            #expect(report.contains("result: interrupted"), "\(report)")
            let applied = switch moment {
            case .firstSide: "applied: subscriber: nothing (rolled back); publisher: nothing"
            case .between: "applied: subscriber: the whole file (2 statement(s)); publisher: nothing"
            case .secondSide: "applied: subscriber: the whole file (2 statement(s)); publisher: nothing (rolled back)"
            }
            #expect(report.contains(applied), "\(report)")
            #expect(try hostColumns(pair, .publisher) == ["id", "display_name", "canonical_facts"])
            #expect(try hostColumns(pair, .subscriber).contains("tags") == (moment != .firstSide))
        }
    }

    static func sleeping(_ pair: ReplicationPair, _ side: ReplicationPair.Side) throws -> Bool {
        try pair.rows(on: side, sql: "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(CASE%'")
            == [["1"]]
    }
}
