import Foundation
import Testing
@testable import Runner
import PGClient
import PGServers
import PGTestSupport

/// SIGTERM (a job being stopped) and SIGINT (^C) during a long statement:
/// the statement is cancelled, the transaction rolled back, the exit code
/// is 128 + the signal. This needs the real `replint` process, so the test
/// starts the cluster itself and runs the binary built beside this bundle.
@Suite struct RunnerSignalTests {
    static let binary: URL = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("replint")
    }()

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func signalDuringALongStatementCancelsItAndRollsBack(signal: Int32, expectedStatus: Int32) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the replint product first")
        try withRunnerFixture(setup: "CREATE TABLE hosts (id int PRIMARY KEY);") { fixture in
            try fixture.migrations.write("slow.sql", """
                BEGIN;
                ALTER TABLE hosts ADD COLUMN tags jsonb;
                SELECT pg_sleep(300);
                COMMIT;
                """)
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = ["run", "--file", "slow.sql", "--dir", fixture.migrations.path,
                                 "--database-url", fixture.cluster.conninfo()]
            process.currentDirectoryURL = URL(fileURLWithPath: fixture.migrations.path)
            process.environment = ProcessInfo.processInfo.environment.filter {
                !$0.key.hasPrefix("INVENTORY_") && $0.key != "ACG_CONFIG"
            }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

            try waitUntil("the sleep runs") {
                try fixture.query("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query = 'SELECT pg_sleep(300)'") == [["1"]]
            }
            kill(process.processIdentifier, signal)
            try waitUntil("replint exits") { !process.isRunning }
            let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

            #expect(process.terminationReason == .exit, "\(log)")
            #expect(process.terminationStatus == expectedStatus, "\(log)")
            #expect(log.contains("interrupted by a signal at line 3"))
            #expect(log.contains("part 1 (lines 2-3) was rolled back"))
            #expect(log.contains("nothing was committed"))
            #expect(try fixture.query("SELECT count(*) FROM pg_attribute WHERE attname = 'tags'") == [["0"]])
            #expect(try fixture.query("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()") == [["0"]])
        }
    }
}
