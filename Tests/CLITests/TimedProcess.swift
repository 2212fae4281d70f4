import Foundation

/// Runs a program under coreutils' `timeout`, which ends the program's whole
/// process group when the time is up (pre-commit's `swift build` included),
/// so no test can hang on it. The test process hands its children a signal
/// mask that blocks SIGTERM, so it is `--kill-after`'s SIGKILL that ends them. Output goes to files, not pipes: a child left
/// holding a pipe open cannot block the test either.
enum TimedProcess {
    struct Outcome {
        let status: Int32
        let killed: Bool
        let stdout: String
        let stderr: String
        /// 124: timeout's own report; a SIGKILL: `--kill-after`, which reaches timeout's group, itself included.
        var timedOut: Bool { status == 124 || killed }
        /// Both streams, for a failing expectation's message.
        var transcript: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// The tools `make test-deps` installs (pre-commit, check-jsonschema, their python).
    static let tools = ReplintProcess.repository.appendingPathComponent(".build/report-consumers/bin")

    static func tool(_ name: String) throws -> String {
        let path = tools.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else { throw ToolMissing(path: path) }
        return path
    }

    static func run(_ program: String, _ arguments: [String], in directory: URL = ReplintProcess.repository,
                    environment: [String: String] = [:], seconds: Int, grace: Int = 10) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("replint-timed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["--kill-after=\(grace)", "\(seconds)", program] + arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal && process.terminationStatus == 9,
                       stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// A YAML file as JSON values, read by the tools' own PyYAML (pre-commit's dependency).
    static func yaml(_ file: URL) throws -> [String: Any] {
        let read = try run(tool("python3"), ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", file.path],
                           seconds: 60)
        guard read.status == 0, let value = try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any] else {
            throw Unreadable(description: "\(file.path) is not a YAML mapping: \(read.transcript)")
        }
        return value
    }

    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    struct ToolMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is missing: run `make test-deps` (Tests/Fixtures/report-consumers/requirements.txt)" }
    }
}
