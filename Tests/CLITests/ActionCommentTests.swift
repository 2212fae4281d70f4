import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// ci/github/comment.sh against a stand-in for GitHub's REST API on
/// loopback (Tests/Fixtures/github-api/server.py), which plays list, create
/// and update and records every request: one comment is created, then
/// updated, never a second one.
@Suite struct ActionCommentTests {
    static let script = ReplintProcess.repository.appendingPathComponent("ci/github/comment.sh")
    static let serverScript = ReplintProcess.repository.appendingPathComponent("Tests/Fixtures/github-api/server.py")
    static let token = "ghs_test-token-\(UUID().uuidString)"
    static let marker = "<!-- replint-report -->"

    /// The stand-in server; it stops when the test ends, and by itself after a minute.
    final class APIServer {
        let directory: URL
        let process = Process()
        let port: Int
        let record: URL

        init(existingComments: Int) throws {
            directory = try ReplintProcess.temporaryDirectory()
            record = directory.appendingPathComponent("requests.jsonl")
            let portFile = directory.appendingPathComponent("port")
            let log = directory.appendingPathComponent("server.log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            // Not under timeout(1): the server stops by itself after --lifetime, and stop() kills it.
            process.executableURL = URL(fileURLWithPath: try TimedProcess.tool("python3"))
            process.arguments = [ActionCommentTests.serverScript.path,
                                 "--port-file", portFile.path, "--record", record.path, "--token", ActionCommentTests.token,
                                 "--existing", "\(existingComments)", "--lifetime", "60"]
            process.standardInput = FileHandle.nullDevice
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            var port: Int?
            while port == nil && Date() < deadline && process.isRunning {
                port = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0) }
                if port == nil { Thread.sleep(forTimeInterval: 0.1) }
            }
            guard let port else {
                Self.kill(process)
                throw ServerDidNotStart(log: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
            }
            self.port = port
        }

        func stop() { Self.kill(process) }

        /// SIGKILL: the test process hands its children a mask that blocks SIGTERM.
        static func kill(_ process: Process) {
            if process.isRunning { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        deinit { stop() }

        func requests() throws -> [[String: Any]] {
            guard FileManager.default.fileExists(atPath: record.path) else { return [] }
            return try String(contentsOf: record, encoding: .utf8).split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
    }

    struct ServerDidNotStart: Error, CustomStringConvertible {
        let log: String
        var description: String { "the stand-in API did not start: \(log)" }
    }

    static func event(_ pullRequest: [String: Any]?, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("event-\(UUID().uuidString).json")
        let event: [String: Any] = pullRequest.map { ["action": "synchronize", "pull_request": $0] } ?? ["ref": "refs/heads/main"]
        try JSONSerialization.data(withJSONObject: event).write(to: url)
        return url
    }

    static func pullRequest(_ number: Int, head: String = "owner/app", base: String = "owner/app") -> [String: Any] {
        ["number": number, "head": ["repo": ["full_name": head]], "base": ["repo": ["full_name": base]]]
    }

    static func comment(_ report: String, server: APIServer, event: URL, token: String = token) throws -> TimedProcess.Outcome {
        let markdown = server.directory.appendingPathComponent("report-\(UUID().uuidString).md")
        try report.write(to: markdown, atomically: true, encoding: .utf8)
        return try TimedProcess.run("/bin/bash", [script.path], in: server.directory, environment: [
            "GITHUB_API_URL": "http://127.0.0.1:\(server.port)", "GITHUB_TOKEN": token, "GITHUB_REPOSITORY": "owner/app",
            "GITHUB_EVENT_PATH": event.path, "REPLINT_MARKDOWN": markdown.path,
        ], seconds: 60)
    }

    @Test func oneCommentIsCreatedThenUpdatedNeverASecond() throws {
        // 150 comments of others already there: the script's own is on the second page of 100.
        let server = try APIServer(existingComments: 150)
        defer { server.stop() }
        let event = try Self.event(Self.pullRequest(42), in: server.directory)

        let first = try Self.comment("### replint: 2 errors in 1 file\n", server: server, event: event)
        #expect(first.status == 0, "\(first.transcript)")
        let second = try Self.comment("### replint: no findings in 1 file\n", server: server, event: event)
        #expect(second.status == 0, "\(second.transcript)")
        #expect(!(first.transcript + second.transcript).contains(Self.token), "the token is never printed")

        let requests = try server.requests()
        #expect(requests.allSatisfy { $0["authorized"] as? Bool == true })
        let writes = requests.filter { $0["method"] as? String != "GET" }
        #expect(writes.map { $0["method"] as? String ?? "" } == ["POST", "PATCH"])
        #expect(writes.first?["path"] as? String == "/repos/owner/app/issues/42/comments")
        #expect(writes.last?["path"] as? String == "/repos/owner/app/issues/comments/5150", "the id the stand-in gave the created comment")
        let bodies = writes.map { ($0["body"] as? [String: Any])?["body"] as? String ?? "" }
        #expect(bodies == ["\(Self.marker)\n### replint: 2 errors in 1 file\n", "\(Self.marker)\n### replint: no findings in 1 file\n"])

        let listed = requests.filter { $0["method"] as? String == "GET" }.map { $0["query"] as? [String: [String]] ?? [:] }
        #expect(listed.allSatisfy { $0["per_page"] == ["100"] })
        #expect(listed.map { $0["page"]?.first ?? "" } == ["1", "2", "1", "2"], "both pages read, each time")
    }

    @Test func aLongReportIsCutToGitHubsLimitWithTheMarker() throws {
        let server = try APIServer(existingComments: 0)
        defer { server.stop() }
        let long = String(repeating: "é", count: 70_000)
        let run = try Self.comment(long, server: server, event: try Self.event(Self.pullRequest(7), in: server.directory))
        #expect(run.status == 0, "\(run.transcript)")
        let body = try #require(try server.requests().last?["body"] as? [String: Any])["body"] as? String ?? ""
        #expect(body.count == 65_536)
        #expect(body.hasPrefix(Self.marker + "\n"))
    }

    @Test func noPullRequestOrAForkMeansNoRequest() throws {
        let server = try APIServer(existingComments: 0)
        defer { server.stop() }
        let push = try Self.comment("### replint\n", server: server, event: try Self.event(nil, in: server.directory))
        #expect(push.status == 0 && push.stdout.contains("not a pull request event"), "\(push.transcript)")
        let fork = try Self.comment("### replint\n", server: server,
                                    event: try Self.event(Self.pullRequest(3, head: "someone/app"), in: server.directory))
        #expect(fork.status == 0 && fork.stdout.contains("from a fork"), "\(fork.transcript)")
        #expect(try server.requests().isEmpty)
    }

    @Test func aRefusedTokenFailsTheStepWithGitHubsMessageAndNotTheToken() throws {
        let server = try APIServer(existingComments: 0)
        defer { server.stop() }
        let wrong = "ghs_wrong-\(UUID().uuidString)"
        let run = try Self.comment("### replint\n", server: server, event: try Self.event(Self.pullRequest(9), in: server.directory),
                                   token: wrong)
        #expect(run.status != 0)
        #expect(run.stderr.contains("HTTP 401") && run.stderr.contains("Bad credentials"), "\(run.transcript)")
        #expect(!run.transcript.contains(wrong))
        #expect(try server.requests().filter { $0["method"] as? String != "GET" }.isEmpty)
    }
}
