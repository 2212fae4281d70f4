import Foundation
import Testing
import PGServers
import PGTestSupport

/// The README's copy-paste examples, run as a user would paste them. A
/// fenced `sh` block is run when the line before it is
/// `<!-- readme-test: exit N -->` (or `<!-- readme-test: exit N, server -->`
/// for examples that need a database): each command in it, with `replint`
/// being the built binary, in a scratch copy of the repository's
/// `.replint.yml`, `app_migrations/` and `Tests/Fixtures/`, must exit N.
/// Server examples run in an empty folder with `$DATABASE_URL` and
/// `$SUBSCRIBER_URL`, two databases on a throwaway cluster.
struct ReadmeExamples {
    struct Example: CustomStringConvertible {
        let line: Int
        let exit: Int32
        let server: Bool
        let commands: [String]
        var description: String { "README.md:\(line)" }
    }


    static func examples() throws -> [Example] {
        let text = try String(contentsOf: ReplintProcess.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [Example] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard let match = lines[index].wholeMatch(of: /<!-- readme-test: exit (\d+)(, server)? -->/) else { continue }
            guard index + 1 < lines.count, lines[index + 1] == "```sh" else {
                Issue.record("README.md:\(index + 1): a readme-test marker must come right before a ```sh block")
                continue
            }
            var body: [String] = []
            var end = index + 2
            while end < lines.count && lines[end] != "```" { body.append(lines[end]); end += 1 }
            examples.append(Example(line: index + 3, exit: Int32(match.1)!, server: match.2 != nil, commands: commands(body)))
            index = end
        }
        return examples
    }

    /// One command per line; a line ending in `\` continues on the next; blank lines and comment lines are skipped.
    static func commands(_ lines: [String]) -> [String] {
        var commands: [String] = []
        var pending = ""
        for line in lines {
            if line.hasSuffix("\\") { pending += line.dropLast() + " "; continue }
            let command = pending + line
            pending = ""
            let trimmed = command.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { commands.append(command) }
        }
        return commands
    }

    /// A scratch copy of what the examples read, so that none of them writes into the repository.
    static func scratchProject() throws -> URL {
        let scratch = try ReplintProcess.temporaryDirectory()
        for item in [".replint.yml", "app_migrations", "Tests/Fixtures"] {
            let target = scratch.appendingPathComponent(item)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: ReplintProcess.repository.appendingPathComponent(item), to: target)
        }
        return scratch
    }

    static func run(_ example: Example, environment: [String: String] = [:]) throws {
        // A server example starts a project (`replint init`): an empty folder.
        let directory = example.server ? try ReplintProcess.temporaryDirectory() : try scratchProject()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bin = ReplintProcess.binary.deletingLastPathComponent().path
        var env = environment
        env["PATH"] = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for command in example.commands {
            let outcome = try ReplintProcess.runTool("/bin/sh", ["-c", command], in: directory, environment: env)
            #expect(outcome.status == example.exit, "\(example): `\(command)` exited \(outcome.status)\n\(outcome.stdout)\(outcome.stderr)")
        }
    }
}

@Suite struct ReadmeExampleTests {
    @Test func everyMarkedBlockIsFoundAndHasCommands() throws {
        let examples = try ReadmeExamples.examples()
        #expect(examples.count >= 4)
        #expect(examples.allSatisfy { !$0.commands.isEmpty })
        #expect(examples.contains { $0.server })
    }

    @Test(arguments: try ReadmeExamples.examples().filter { !$0.server })
    func theExampleRunsWithItsExitCode(_ example: ReadmeExamples.Example) throws {
        try ReadmeExamples.run(example)
    }
}

/// The README's examples that need a database, against a throwaway cluster.
@Suite(.serialized) struct ReadmeServerExampleTests {
    @Test(arguments: try ReadmeExamples.examples().filter(\.server))
    func theExampleRunsWithItsExitCode(_ example: ReadmeExamples.Example) throws {
        try withCluster { cluster in
            try cluster.createDatabase("publisher")
            try cluster.createDatabase("subscriber")
            for database in ["publisher", "subscriber"] {
                let connection = try cluster.connect(database: database)
                defer { connection.close() }
                _ = try connection.execute("CREATE TABLE public.accounts (id bigint PRIMARY KEY, email text)")
            }
            let publisher = try cluster.connect(database: "publisher")
            defer { publisher.close() }
            _ = try publisher.execute("CREATE PUBLICATION accounts_pub FOR TABLE public.accounts")
            try ReadmeExamples.run(example, environment: ["DATABASE_URL": cluster.conninfo(database: "publisher"),
                                                          "SUBSCRIBER_URL": cluster.conninfo(database: "subscriber")])
        }
    }
}
