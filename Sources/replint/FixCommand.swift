import ArgumentParser
import Lint
import Rules
#if canImport(Glibc)
import Glibc
#endif

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Remove alembic log output and alembic_version statements, in place.")

    @Argument(help: "Files or folders to fix.")
    var paths: [String] = ["app_migrations/"]

    @OptionGroup var configuration: ConfigurationOptions

    func run() throws {
        let config = try configuration.load()
        let outcome = LintSession(configuration: config, rules: RuleRegistry.all).fix(paths: paths)
        for line in outcome.log { Console.out(line + "\n") }
        for error in outcome.errors { Console.err("replint: \(error)\n") }
        throw ExitCode(outcome.errors.isEmpty ? 0 : 2)
    }
}
