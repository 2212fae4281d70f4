import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

struct Replint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replint",
        abstract: "Guards PostgreSQL schema migrations on logically replicated databases.",
        discussion: "Exit codes: 0 nothing at error level, 1 findings at error level, 2 replint could not do its job.",
        version: ReplintVersion.current,
        subcommands: [LintCommand.self, FixCommand.self, RulesCommand.self, ExplainCommand.self, SchemaCommand.self, PlanCommand.self, RunCommand.self, RehearseCommand.self],
        defaultSubcommand: LintCommand.self)
}

enum ReplintVersion {
    static let current = "0.1.0"
}

/// DESIGN.md's exit codes for every subcommand: bad arguments are 2, not
/// swift-argument-parser's 64.
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let paths = plainLintPaths(arguments) { exit(LintCommand.runWithDefaults(paths)) }
        do {
            var command = try Replint.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = Replint.exitCode(for: error)
            let message = Replint.fullMessage(for: error)
            if code == .success {
                Console.out(message + "\n")
                exit(0)
            }
            Console.err(message + "\n")
            exit(2)
        }
    }

    /// The paths of `replint [lint] [PATH ...]` when no option or other
    /// subcommand is given; nil sends the arguments to the parser.
    static func plainLintPaths(_ arguments: [String]) -> [String]? {
        var rest = arguments[...]
        if rest.first == "lint" {
            rest = rest.dropFirst()
        } else if let first = rest.first, !first.hasSuffix(".sql"), !first.contains("/") {
            return nil  // another subcommand, or a bare word the parser should judge
        }
        return rest.contains { $0.hasPrefix("-") } ? nil : Array(rest)
    }
}
