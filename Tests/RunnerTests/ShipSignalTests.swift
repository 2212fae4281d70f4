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
            let (process, output) = try Self.launchShip(in: directory, pair: pair,
                                                        ["--settle", moment == .between ? "300s" : "0s", "--subscriber-log", pair.subscriber.logFile])
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

    /// SIGTERM while ship waits, after both sides, for the subscriber to
    /// catch up: a session holds the table the publisher's rows go to.
    @Test func sigtermWhileWaitingAfterBothSidesExits143AndTheReportSaysBothHaveTheFile() throws {
        try #require(FileManager.default.isExecutableFile(atPath: RunnerSignalTests.binary.path), "build the replint product first")
        let schema = hostsSchema + "\nCREATE TABLE hbi.groups (id bigint PRIMARY KEY, name text);"
        try withPair(schema: schema, publication: "CREATE PUBLICATION p FOR TABLE hbi.hosts, hbi.groups") { pair in
            let holder = try pair.subscriber.connect(database: pair.options.database)
            defer { holder.close() }
            try holder.execute("BEGIN; LOCK TABLE hbi.groups IN ACCESS EXCLUSIVE MODE")
            let directory = try ScratchDirectory()
            defer { directory.remove() }
            // The row is written on the publisher only (inside DO, so the
            // subscriber's run never opens the held table), and its
            // replication is what the last phase waits for.
            try directory.write("m.sql", """
                BEGIN;
                ALTER TABLE hbi.hosts ADD COLUMN tags jsonb;
                DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_subscription) THEN INSERT INTO hbi.groups VALUES (1, 'one'); END IF; END $$;
                COMMIT;

                """)
            let (process, output) = try Self.launchShip(in: directory, pair: pair, ["--settle", "0s", "--catch-up-timeout", "300s", "--force"])
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
            try waitUntil("the publisher has the column") { try hostColumns(pair, .publisher).contains("tags") }
            usleep(500_000)
            kill(process.processIdentifier, SIGTERM)
            try waitUntil("replint exits") { !process.isRunning }
            let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

            #expect(process.terminationReason == .exit && process.terminationStatus == 143, "\(report)")
            #expect(report.contains("result: interrupted"), "\(report)")
            #expect(report.contains("applied: subscriber: the whole file (2 statement(s)); publisher: the whole file (2 statement(s))"), "\(report)")
            try holder.execute("ROLLBACK")
        }
    }

    /// A database that takes the connection and never answers (a host
    /// behind a dead network, say): SIGTERM while ship waits for it.
    @Test func sigtermWhileConnectingExits143AndTheReportSaysNothingRan() throws {
        try #require(FileManager.default.isExecutableFile(atPath: RunnerSignalTests.binary.path), "build the replint product first")
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let listener = try SilentServer(socketPath: "\(directory.path)/.s.PGSQL.5432")
        defer { listener.close() }
        try directory.write("m.sql", "BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN tags jsonb;\nCOMMIT;\n")
        let process = Process()
        process.executableURL = RunnerSignalTests.binary
        process.arguments = ["ship", "\(directory.path)/m.sql", "--settle", "0s"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("INVENTORY_") }
        let silent = "host=\(directory.path) port=5432 dbname=app user=app password=s3cret connect_timeout=60"
        environment[ShipRequest.subscriberVariable] = silent
        environment[ShipRequest.publisherVariable] = silent
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        try waitUntil("replint connects") { listener.pendingConnections() > 0 }
        usleep(300_000)
        kill(process.processIdentifier, SIGTERM)
        try waitUntil("replint exits") { !process.isRunning }
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        #expect(process.terminationReason == .exit && process.terminationStatus == 143, "\(report)\n\(log)")
        #expect(report.contains("result: interrupted"), "\(report)")
        #expect(report.contains("interrupted while connecting to the databases, before anything ran"), "\(report)")
        #expect(report.contains("applied: subscriber: nothing; publisher: nothing"), "\(report)")
        #expect(report.contains("next: nothing was applied anywhere; ship again when ready"), "\(report)")
        #expect(!(report + log).contains("s3cret"))
    }

    /// The real binary shipping `directory/m.sql` to the pair; the report on the pipe.
    static func launchShip(in directory: ScratchDirectory, pair: ReplicationPair, _ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = RunnerSignalTests.binary
        process.arguments = ["ship", "\(directory.path)/m.sql"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("INVENTORY_") }
        environment[ShipRequest.subscriberVariable] = pair.subscriber.conninfo(database: pair.options.database)
        environment[ShipRequest.publisherVariable] = pair.publisher.conninfo(database: pair.options.database)
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    static func sleeping(_ pair: ReplicationPair, _ side: ReplicationPair.Side) throws -> Bool {
        try pair.rows(on: side, sql: "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(CASE%'")
            == [["1"]]
    }
}

/// A unix socket that queues connections and never reads or answers them.
final class SilentServer: Sendable {
    private let descriptor: Int32

    init(socketPath: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: socketPath.utf8.prefix(buffer.count - 1))
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 16) == 0 else {
            throw PostgresError.cluster("cannot listen on \(socketPath): \(String(cString: strerror(errno)))")
        }
    }

    /// Connections waiting in the queue (nobody accepts them).
    func pendingConnections() -> Int {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0 ? 1 : 0
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
