import Foundation
import Testing
import ArgumentParser
import Reporters
@testable import replint

/// Enumerated options are types the parser checks: a bad value is exit 2
/// with the parser's own message, which names the values it takes.
@Suite struct OptionParsingTests {
    @Test(arguments: [
        (["lint", "--color", "blue"], "The value 'blue' is invalid for '--color <color>'. Please provide one of 'auto', 'always' or 'never'."),
        (["lint", "--format", "xml"], "The value 'xml' is invalid for '--format <format>'. Please provide one of the following:\n  - text\n  - json\n  - sarif\n  - github\n  - gitlab\n  - junit\n  - markdown\n"),
        (["lint", "--fail-on", "info"], "The value 'info' is invalid for '--fail-on <fail-on>'. Please provide one of 'error' and 'warning'."),
        (["rehearse", "x.sql", "--traffic", "some"], "The value 'some' is invalid for '--traffic <traffic>'. Please provide one of 'touched' and 'all'."),
        (["plan", "x.sql", "--format", "sarif"], "The value 'sarif' is invalid for '--format <format>'. Please provide one of 'text' and 'json'."),
        (["schema", "--format", "yaml"], "The value 'yaml' is invalid for '--format <format>'. Please provide one of 'text' and 'json'."),
        (["rules", "--format", "csv"], "The value 'csv' is invalid for '--format <format>'. Please provide one of 'text' and 'json'."),
        (["run", "--log-format", "xml"], "The value 'xml' is invalid for '--log-format <log-format>'. Please provide one of 'text' and 'json'."),
        (["run", "--log-level", "loud"], "The value 'loud' is invalid for '--log-level <log-level>'. Please provide one of 'debug', 'info', 'warning' or 'error'."),
        (["rehearse", "x.sql", "--replication", "--catch-up-timeout", "soon"], "The value 'soon' is invalid for '--catch-up-timeout <catch-up-timeout>'"),
        (["lint", "--jobs", "0"], "--jobs must be 1 or more, not 0"),
        (["lint", "--jobs", "many"], "The value 'many' is invalid for '--jobs <jobs>'"),
    ])
    func badValuesAreExitTwoWithTheParsersMessage(arguments: [String], message: String) throws {
        let r = try ReplintProcess.run(arguments)
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test(arguments: [["lint", "--color", "blue"], ["lint", "--format", "xml"], ["lint", "--fail-on", "info"],
                      ["rehearse", "x.sql", "--traffic", "some"]])
    func theParserRejectsThemInProcess(arguments: [String]) {
        #expect(throws: (any Error).self) { _ = try Replint.parseAsRoot(arguments) }
        do {
            _ = try Replint.parseAsRoot(arguments)
        } catch {
            #expect(Replint.exitCode(for: error) != .success)
            #expect(Replint.fullMessage(for: error).contains("Please provide one of"))
        }
    }

    @Test func theHelpListsTheValues() throws {
        let help = try ReplintProcess.run(["lint", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("(values: text, json, sarif, github,"))
        #expect(help.stdout.contains("(values: auto, always, never; default: auto)"))
        #expect(help.stdout.contains("(values: touched, all; default: touched)"))
    }

    @Test func goodValuesParse() throws {
        var lint = try #require(try Replint.parseAsRoot(["lint", "--color", "never", "--fail-on", "warning", "--format", "json"]) as? LintCommand)
        #expect(lint.color == .never)
        #expect(lint.failOn == .warning)
        #expect(lint.format == .json)
        lint = try #require(try Replint.parseAsRoot(["lint"]) as? LintCommand)
        #expect(lint.paths.isEmpty)
        let run = try #require(try Replint.parseAsRoot(["run", "--log-level", "WARN"]) as? RunCommand)
        #expect(run.logLevel == .warning)
        let rehearse = try #require(try Replint.parseAsRoot(["rehearse", "x.sql", "--catch-up-timeout", "500ms"]) as? RehearseCommand)
        #expect(rehearse.replicationOptions.catchUpTimeout.duration == .milliseconds(500))
    }

    /// The lint formats are the reporters' formats: one list.
    @Test func lintFormatsAreTheReportersNames() {
        #expect(LintFormat.allCases.map(\.rawValue) == Reporters.names)
        for format in LintFormat.allCases { #expect(type(of: format.reporter(ReportSetting(rules: []))).name == format.rawValue) }
    }

    @Test func crossOptionProblemsAreParserErrors() throws {
        let both = try ReplintProcess.run(["rehearse", "x.sql", "--replication", "--database-url", "postgresql://x"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--database-url does not apply"))
        let sides = try ReplintProcess.run(["schema", "--schema", "a.sql", "--schema", "b.sql", "--subscriber-schema", "c.sql"])
        #expect(sides.status == 2)
        #expect(sides.stderr.contains("--subscriber-schema needs exactly one --schema"))
    }
}

/// Helpers throw; only `Main` turns an error into an exit code.
@Suite struct ErrorMappingTests {
    @Test func helpersThrowInsteadOfExiting() throws {
        #expect(throws: CLIError.self) { _ = try ConfigurationOptions.load("/nonexistent/.replint.yml") }
        #expect(throws: CLIError.self) { try writeFile("/nonexistent/folder/x.md", "x") }
        #expect(throws: CLIError("unknown command `lnt` (did you mean `lint`?); `replint --help` lists the commands")) {
            try Replint.checkCommandName(["lnt"])
        }
        try Replint.checkCommandName(["lint"])
        try Replint.checkCommandName(["app_migrations/"])
        try Replint.checkCommandName(["--format", "json"])
    }

    @Test func theOnePlaceMapsErrorsToExitCodes() {
        #expect(Main.exitCode(reporting: CLIError("x")) == 2)
        #expect(Main.exitCode(reporting: ExitCode(1)) == 1)
        #expect(Main.exitCode(reporting: ExitCode(130)) == 130)
        #expect(Main.exitCode(reporting: ExitCode(143)) == 143)
        #expect(Main.exitCode(reporting: ValidationError("bad")) == 2)
        #expect(Main.exitCode(reporting: CleanExit.message("replint 0.1.0")) == 0)
    }

    @Test func aBadConfigurationIsExitTwoInProcess() throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(".replint.yml").path
        try "rules:\n  replication-renam: off\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ConfigurationOptions.load(path)
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains(":2: unknown rule `replication-renam` under `rules` (did you mean `replication-rename`?)"))
        }
    }
}
