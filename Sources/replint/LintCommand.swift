import ArgumentParser
import Lint
import Reporters
import Rules
import Schema

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint offline SQL migrations (default: every *.sql under app_migrations/).")

    @Argument(help: "Files or folders to lint.")
    var paths: [String] = ["app_migrations/"]

    @Option(name: .long, help: "Output format: \(Reporters.names.joined(separator: ", ")).")
    var format: String = "text"

    @Option(name: .long, help: "Lowest severity that fails the run: error or warning (default: the config's fail_on, else error).")
    var failOn: String?

    @Option(name: .long, help: "Colour: auto, always or never.")
    var color: String = "auto"

    @OptionGroup var configuration: ConfigurationOptions
    @OptionGroup var schemaOptions: SchemaOptions

    @Flag(name: .long, help: "Lint the files in alembic revision order (from their `-- Running upgrade A -> B` comments), each against the schema the ones before it leave; files at or before `schema_revision` are skipped.")
    var sequence = false

    @Flag(name: .long, help: "Then rehearse each file without error-level findings on a real PostgreSQL (see `replint rehearse`).")
    var rehearse = false
    @OptionGroup(title: "Rehearsal (with --rehearse)") var rehearsalOptions: RehearsalOptions

    func run() throws {
        var config = try configuration.load()
        schemaOptions.apply(to: &config)
        guard let reporter = Reporters.reporter(named: format, colored: useColor(color)) else {
            fail("unknown format `\(format)` (known: \(Reporters.names.joined(separator: ", ")))")
        }
        var threshold = config.failOn
        if let failOn {
            guard let s = Severity(rawValue: failOn), s != .info else { fail("--fail-on must be error or warning, not `\(failOn)`") }
            threshold = s
        }
        var session = LintSession(configuration: config, rules: RuleRegistry.all, schemaStrict: schemaOptions.schemaStrict)
        session.baselineCache = schemaOptions.cache
        session.sequence = sequence
        let report = session.run(paths: paths)
        if rehearse {
            throw ExitCode(LintRehearsal(options: rehearsalOptions, configuration: config, format: format)
                .run(after: report, lintOutput: reporter.render(report), failOn: threshold))
        }
        writeStdout(reporter.render(report))
        throw ExitCode(report.exitCode(failOn: threshold))
    }
}
