import Foundation
import Testing

/// Rehearsal progress goes to stderr only when stderr is a terminal, and
/// only with the text format.
@Suite(.serialized)
struct RehearsalProgressTests {
    static let arguments = ["rehearse", "app_migrations/661a4319d18b.sql", "--schema", "app_migrations/schema.sql"]

    /// `script` gives the command a pseudo-terminal for stdout and stderr alike; its output is what the terminal showed.
    static func onATerminal(_ arguments: [String]) throws -> ReplintProcess.Outcome {
        let command = ([ReplintProcess.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try ReplintProcess.runTool("/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"],
                                          in: ReplintProcess.repository, environment: ["NO_COLOR": "1"])
    }

    @Test func notATerminalGetsNoProgress() throws {
        let outcome = try ReplintProcess.run(Self.arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stderr.split(separator: "\n")
        // The one line a rehearsal always prints: where its server lives.
        #expect(lines.count == 1, "\(outcome.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix("replint: rehearsing on a throwaway PostgreSQL in ") })
        #expect(outcome.stdout.contains("result: rehearsed"))
    }

    @Test func aTerminalSeesEachPhaseWithItsTime() throws {
        let outcome = try Self.onATerminal(Self.arguments)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        let shown = outcome.stdout.replacingOccurrences(of: "\r", with: "")
        #expect(shown.contains(try Regex(#"replint: \[\d+\.\ds\] starting a throwaway PostgreSQL\n"#)), "\(shown)")
        #expect(shown.contains(try Regex(#"replint: \[\d+\.\ds\] loading the baseline [^\n]*app_migrations/schema.sql\n"#)))
        #expect(shown.contains(try Regex(#"replint: \[\d+\.\ds\] rehearsing app_migrations/661a4319d18b.sql \(1 statement\(s\)\)\n"#)))
        #expect(shown.contains("result: rehearsed"))
    }

    @Test func aMachineFormatOnATerminalGetsNoProgress() throws {
        let outcome = try Self.onATerminal(Self.arguments + ["--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(!outcome.stdout.contains("replint: ["), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("\"statements\""))
    }
}
