import Foundation
import Testing

/// `make help` is where a newcomer starts: it lists every target the README
/// tells them to run, and the README points at the shell completions.
@Suite struct MakeHelpTests {
    static let repository = ReplintProcess.repository.path

    /// `make TARGET` as the README and app_migrations/README.md spell it: in
    /// backticks or at the start of a line of a code block (so prose such
    /// as "make sure" is not a target).
    static func targetsTheDocsName() throws -> Set<String> {
        let command = /(?m)(?:^[ \t]*|`)make ([A-Za-z0-9_-]+)/
        var targets = Set<String>()
        for file in ["README.md", "app_migrations/README.md"] {
            let text = try String(contentsOfFile: "\(repository)/\(file)", encoding: .utf8)
            for match in text.matches(of: command) { targets.insert(String(match.1)) }
        }
        return targets
    }

    @Test func helpListsEveryTargetTheREADMEsName() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "-s", "--no-print-directory", "help"]
        process.currentDirectoryURL = URL(fileURLWithPath: Self.repository)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let help = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let listed = Set(help.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("make ") else { return nil }
            return line.dropFirst(5).split(separator: " ").first.map(String.init)
        })
        let named = try Self.targetsTheDocsName()
        #expect(named.isSuperset(of: ["build", "test", "test-unit", "rehearse"]), "found: \(named.sorted())")
        #expect(named.subtracting(listed).isEmpty, "named in the READMEs but not in `make help`: \(named.subtracting(listed).sorted())")
    }

    @Test func theREADMEPointsAtTheCompletionScriptsAndReplintPrintsThem() throws {
        let readme = try String(contentsOfFile: "\(Self.repository)/README.md", encoding: .utf8)
        #expect(readme.contains("replint --generate-completion-script"))
        let bash = try ReplintProcess.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0, "\(bash.stderr)")
        #expect(bash.stdout.contains("rehearse"))
    }

    /// What `make install` would run (make -n): the man page `make man` writes and the three completion
    /// scripts, each where its reader looks under PREFIX. Building and generating are left to `make man` itself.
    @Test func installPutsTheManPageAndCompletionsUnderThePrefix() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "-n", "--no-print-directory", "install", "PREFIX=/opt/replint", "DESTDIR=/tmp/stage"]
        process.currentDirectoryURL = URL(fileURLWithPath: Self.repository)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let plan = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(plan.contains("swift package plugin generate-manual"))
        for installed in ["/tmp/stage/opt/replint/bin/replint", "/tmp/stage/opt/replint/share/man/man1/replint.1",
                          "/tmp/stage/opt/replint/share/bash-completion/completions/replint",
                          "/tmp/stage/opt/replint/share/zsh/site-functions/_replint",
                          "/tmp/stage/opt/replint/share/fish/vendor_completions.d/replint.fish",
                          "/tmp/stage/opt/replint/share/doc/replint/rules/"] {
            #expect(plan.contains(" \(installed)\n"), "\(installed) is not installed:\n\(plan)")
        }
    }
}
