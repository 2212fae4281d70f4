import ArgumentParser
import Lint
#if canImport(Glibc)
import Glibc
#endif

struct Replint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replint",
        abstract: "Guards PostgreSQL schema migrations on logically replicated databases.",
        discussion: """
            Exit codes: 0 nothing at error level, 1 findings at error level, 2 replint could not do its job \
            (bad arguments, an unreadable file, no database); 130/143 after SIGINT/SIGTERM, once cleaned up.
            """,
        version: ReplintVersion.current,
        subcommands: [LintCommand.self, FixCommand.self, RulesCommand.self, ExplainCommand.self, SchemaCommand.self, PlanCommand.self, RunCommand.self, ShipCommand.self, RehearseCommand.self, InitCommand.self],
        defaultSubcommand: LintCommand.self)

    /// Every name the first argument can take as a subcommand.
    static var commandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// `replint lnt`: a bare word that is neither a subcommand nor an existing
    /// path would otherwise reach `lint` as a missing file; say what it
    /// probably meant instead.
    static func checkCommandName(_ arguments: [String]) throws(CLIError) {
        guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first),
              !first.contains("/"), !first.contains("."), access(first, F_OK) != 0 else { return }
        guard let suggestion = Suggestion.closest(to: first, among: commandNames) else { return }
        throw CLIError("unknown command `\(first)` (did you mean `\(suggestion)`?); `replint --help` lists the commands")
    }
}

enum ReplintVersion {
    static let current = "0.1.0"
}

@main
enum Main {
    static func main() {
        exitOnSignals()
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// SIGINT and SIGTERM end every command with 128 + the signal, as
    /// DESIGN.md says. A command with something to undo arms SignalTrap,
    /// whose cleanup replaces this handler; until then there is nothing to undo.
    static func exitOnSignals() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in _exit(128 + signal) }
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }

    static func run(_ arguments: [String]) -> Int32 {
        do {
            if let paths = plainLintPaths(arguments) { return try LintCommand.runWithDefaults(paths) }
            try Replint.checkCommandName(arguments)
            var command = try Replint.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return exitCode(reporting: error)
        }
    }

    /// The one place an error becomes an exit code, with DESIGN.md's codes for
    /// every subcommand: bad arguments are 2, not swift-argument-parser's 64;
    /// the codes commands choose (1 for findings, 130/143 after a signal) pass through.
    static func exitCode(reporting error: any Error) -> Int32 {
        switch error {
        case let code as ExitCode:
            return code.rawValue
        case let failure as CLIError:
            writeStderr("replint: \(failure)\n")
            return 2
        default:
            let message = Replint.fullMessage(for: error)
            if Replint.exitCode(for: error) == .success {  // --help, --version
                writeStdout(message + "\n")
                return 0
            }
            writeStderr(message + "\n")
            return 2
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
