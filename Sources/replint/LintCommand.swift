import ArgumentParser
import Lint
import PGClient
import Rehearsals
import Reporters
import Rules
import Schema

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint offline SQL migrations (default: every *.sql under app_migrations/).")

    static let defaultPaths = ["app_migrations/"]

    @Argument(help: "Files or folders to lint.")
    var paths: [String] = LintCommand.defaultPaths

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
    @Flag(name: .long, help: "Then rehearse every linted file on a throwaway publisher/subscriber pair (see `replint rehearse --replication`).")
    var rehearseReplication = false
    @OptionGroup(title: "Replication (with --rehearse-replication)") var replicationOptions: ReplicationRehearsalOptions

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
        let report = LintCommand.lint(paths, configuration: config, schemaStrict: schemaOptions.schemaStrict,
                                      cache: schemaOptions.cache, sequence: sequence)
        if rehearseReplication || rehearse {
            let flag = rehearseReplication ? "--rehearse-replication" : "--rehearse"
            guard format == "text" || format == "json" else { fail("\(flag) reports as text or json, not `\(format)`") }
            SignalTrap.shared.install()
            if rehearseReplication {
                let options = replicationOptions.replicationOptions(configuration: config, rehearsal: rehearsalOptions,
                                                                    subscriberSchema: [])
                let rehearsed = ReplicationRehearsal.rehearse(linted: report, failOn: threshold, configuration: config,
                                                              options: options)
                writeStdout(format == "json" ? LintRehearsalJSON.render(rehearsed, lint: JSONReporter().value(report))
                                             : LintRehearsalText.render(rehearsed, lint: reporter.render(report)))
                throw ExitCode(rehearsed.exitCode)
            }
            let options = rehearsalOptions.rehearsalOptions(schemaFiles: Rehearsal.Options.configuredBaseline(config),
                                                            configuration: config)
            let rehearsed = Rehearsal.rehearse(linted: report, failOn: threshold, configuration: config, options: options)
            writeStdout(format == "json" ? LintRehearsalJSON.render(rehearsed, lint: JSONReporter().value(report))
                                         : LintRehearsalText.render(rehearsed, lint: reporter.render(report)))
            throw ExitCode(rehearsed.exitCode)
        }
        writeStdout(reporter.render(report))
        throw ExitCode(report.exitCode(failOn: threshold))
    }

    /// The lint every form of the command runs.
    static func lint(_ paths: [String], configuration: Configuration, schemaStrict: Bool = false,
                     cache: CatalogCache?, sequence: Bool = false) -> LintReport {
        var session = LintSession(configuration: configuration, rules: RuleRegistry.all, schemaStrict: schemaStrict)
        session.baselineCache = cache
        session.sequence = sequence
        return session.run(paths: paths)
    }

    /// `replint [lint] [PATH ...]` with no option, the pre-commit case, runs
    /// with the command's defaults without building the argument parser,
    /// which is most of the start-up of a run on one small file.
    static func runWithDefaults(_ paths: [String]) -> Int32 {
        let configuration = ConfigurationOptions.load(nil)
        let report = lint(paths.isEmpty ? defaultPaths : paths, configuration: configuration,
                          cache: SchemaOptions.defaultCache)
        writeStdout(TextReporter(colored: useColor("auto")).render(report))
        return report.exitCode(failOn: configuration.failOn)
    }
}
