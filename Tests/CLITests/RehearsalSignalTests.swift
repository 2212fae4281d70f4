import Foundation
import Testing
import PGTestSupport

/// replint killed or interrupted during each kind of rehearsal: SIGKILL
/// leaves no server running (the kernel's parent-death signal) and the next
/// rehearsal removes the directory; SIGINT and SIGTERM clean up, say
/// "interrupted", and exit 128 + the signal.
@Suite(.serialized)
struct RehearsalSignalTests {
    typealias Running = RehearseCommandTests.Running
    static let sleeping = "BEGIN;\nSELECT pg_sleep(120);\nCOMMIT;\n"

    private func folder(_ files: [String: String]) throws -> URL {
        let directory = try ReplintProcess.temporaryDirectory()
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// The cluster directories replint announces on stderr (one, or the pair's two).
    private func clusterDirectories(_ running: Running, count: Int) -> [String] {
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline && running.process.isRunning {
            let found = running.stderr.split(separator: " ").map(String.init)
                .filter { $0.contains("/replint-pg-") }
            if found.count >= count { return found }
            usleep(100_000)
        }
        return []
    }

    /// Processes working in `directory` (the postmaster and every backend
    /// keep the data directory as their working directory).
    static func serverProcesses(in directory: String) -> [Int32] {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
        return pids.filter { pid in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd"))?.hasPrefix(directory + "/") == true
        }
    }

    /// Polls for up to five seconds.
    private func noServerWithinFiveSeconds(in directories: [String]) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while directories.contains(where: { !Self.serverProcesses(in: $0).isEmpty }) && Date() < deadline { usleep(50_000) }
        return directories.allSatisfy { Self.serverProcesses(in: $0).isEmpty }
    }

    private func killedDuring(_ arguments: [String], clusters: Int) throws {
        let directory = try folder(["migration.sql": Self.sleeping, "next.sql": "SELECT 1;\n"])
        let running = try Running(arguments + ["migration.sql"], in: directory)
        let clusterDirectories = clusterDirectories(running, count: clusters)
        try #require(clusterDirectories.count == clusters, "stderr: \(running.stderr)")
        #expect(clusterDirectories.allSatisfy { !Self.serverProcesses(in: $0).isEmpty })
        kill(running.process.processIdentifier, SIGKILL)
        _ = running.wait()
        #expect(noServerWithinFiveSeconds(in: clusterDirectories))
        // Nobody removed them: replint died without a word.
        #expect(clusterDirectories.allSatisfy(directoryExists))
        let next = try ReplintProcess.run(["rehearse", "next.sql"], in: directory)
        #expect(next.status == 0, "\(next.stdout)\(next.stderr)")
        #expect(!clusterDirectories.contains(where: directoryExists))
    }

    @Test func sigkillDuringARehearsalLeavesNoServerAndTheNextOneSweeps() throws {
        try killedDuring(["rehearse"], clusters: 1)
    }

    @Test func sigkillDuringAReplicationRehearsalLeavesNoServerAndTheNextOneSweeps() throws {
        try killedDuring(["rehearse", "--replication"], clusters: 2)
    }

    private func interrupted(_ arguments: [String], clusters: Int, signal: Int32) throws -> (status: Int32, stdout: String) {
        let directory = try folder(["migration.sql": Self.sleeping])
        let running = try Running(arguments + ["migration.sql"], in: directory)
        let clusterDirectories = clusterDirectories(running, count: clusters)
        try #require(clusterDirectories.count == clusters, "stderr: \(running.stderr)")
        // Time for the file's statement to start; an earlier signal must be reported the same way.
        usleep(1_500_000)
        kill(running.process.processIdentifier, signal)
        let status = running.wait()
        #expect(!clusterDirectories.contains(where: directoryExists))
        #expect(clusterDirectories.allSatisfy { Self.serverProcesses(in: $0).isEmpty })
        return (status, running.stdout)
    }

    @Test func sigintDuringARehearsalSaysInterruptedAndExits130() throws {
        let (status, stdout) = try interrupted(["rehearse"], clusters: 1, signal: SIGINT)
        #expect(status == 130)
        #expect(stdout.contains("INTERRUPTED by SIGINT"), "\(stdout)")
        #expect(stdout.contains("result: interrupted"))
        #expect(!stdout.contains("FAILED"))
    }

    @Test func sigintDuringAReplicationRehearsalReportsNoFailure() throws {
        let (status, stdout) = try interrupted(["rehearse", "--replication"], clusters: 2, signal: SIGINT)
        #expect(status == 130)
        #expect(stdout.contains("INTERRUPTED by SIGINT"), "\(stdout)")
        #expect(stdout.contains("verdict: interrupted (exit 130)"))
        #expect(!stdout.contains("statement-failed") && !stdout.contains("FAILED") && !stdout.contains("PROBLEM"))
    }

    @Test func sigtermExits143WithTheReport() throws {
        let (status, stdout) = try interrupted(["rehearse", "--format", "json"], clusters: 1, signal: SIGTERM)
        #expect(status == 143)
        let rehearsal = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "\(stdout)")
        #expect(rehearsal["interrupted"] as? String == "SIGTERM")
        #expect(rehearsal["failure"] is NSNull)
        #expect(rehearsal["exit_code"] as? Int == 143)
    }
}
