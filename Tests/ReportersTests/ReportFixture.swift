import Foundation
import Lint
import Reporters
import Rules
import SQLSource

/// A lint report of SQL texts, as if the files sat under `root`.
enum ReportFixture {
    static let root = "/repo"

    static func report(_ files: [(path: String, sql: String)]) throws -> LintReport {
        let linter = Linter(rules: RuleRegistry.all, resolver: RuleRegistry.resolver)
        return LintReport(results: try files.map { file in
            let document = try SQLDocument(path: file.path, text: file.sql)
            let linted = linter.lintWithSuppressed(document)
            return FileResult(path: file.path, document: document, findings: linted.findings, suppressed: linted.suppressed)
        })
    }

    static func report(_ sql: String, path: String = "/repo/app_migrations/m.sql") throws -> LintReport {
        try report([(path, sql)])
    }

    static var setting: ReportSetting { ReportSetting(rules: RuleRegistry.all.map(\.description), root: root) }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
}

/// A program from `make test-deps`' virtual environment, run on a file.
enum ReportConsumer {
    static let environment: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent(".build/report-consumers/bin")
    }()

    struct Outcome {
        let status: Int32
        let output: String
    }

    /// Runs `program` (a script of the environment, or its python with `-c`)
    /// on `input` written to a file; with `writesFile`, it is given
    /// `--output FILE` and the outcome is what it wrote there.
    static func run(_ program: String, _ arguments: [String], input: String, fileExtension: String,
                    writesFile: Bool = false) throws -> Outcome {
        let executable = environment.appendingPathComponent(program)
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw ConsumerMissing(path: executable.path)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("replint-report-\(UUID().uuidString).\(fileExtension)")
        try Data(input.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = executable
        let written = file.appendingPathExtension("out")
        defer { try? FileManager.default.removeItem(at: written) }
        process.arguments = arguments + (writesFile ? ["--output", written.path] : []) + [file.path]
        var env = ProcessInfo.processInfo.environment
        env["MPLCONFIGDIR"] = FileManager.default.temporaryDirectory.path
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = writesFile ? ((try? String(contentsOf: written, encoding: .utf8)) ?? "") : String(decoding: data, as: UTF8.self)
        return Outcome(status: process.terminationStatus, output: output)
    }

    struct ConsumerMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is missing: run `make test-deps` (Tests/Fixtures/report-consumers/requirements.txt)" }
    }
}
