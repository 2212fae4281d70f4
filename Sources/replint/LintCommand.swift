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
        abstract: "Lint offline SQL migrations (default: every *.sql under app_migrations/).",
        discussion: """
            Paths on the command line are relative to the working directory; the default app_migrations/ and \
            the paths in .replint.yml are relative to the folder that holds .replint.yml. A file named here that \
            `exclude:` matches, or that is a configured baseline, is skipped with a note.
            """)

    @Argument(help: "Files or folders to lint (default: app_migrations/ beside .replint.yml, else in the working directory).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: LintFormat = .text

    @Option(name: .long, help: "Lowest severity that fails the run (default: the config's fail_on, else error).")
    var failOn: FailOnChoice?

    @Option(name: .long, help: "Colour (auto: on a terminal without NO_COLOR).")
    var color: ColorChoice = .auto

    @OptionGroup var configuration: ConfigurationOptions
    @OptionGroup var schemaOptions: SchemaOptions

    @Flag(name: .long, help: "Lint the files in alembic revision order (from their `-- Running upgrade A -> B` comments), each against the schema the ones before it leave; files at or before `schema_revision` are skipped.")
    var sequence = false

    @Option(name: .long, help: "Files linted at once (default: the cores this process may use). The output's order does not depend on it.")
    var jobs: Int?

    @Flag(name: .long, help: "Then rehearse each file without error-level findings on a real PostgreSQL (see `replint rehearse`).")
    var rehearse = false
    @OptionGroup(title: "Rehearsal (with --rehearse)") var rehearsalOptions: RehearsalOptions
    @Flag(name: .long, help: "Then rehearse every linted file on a throwaway publisher/subscriber pair (see `replint rehearse --replication`).")
    var rehearseReplication = false
    @OptionGroup(title: "Replication (with --rehearse-replication)") var replicationOptions: ReplicationRehearsalOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, not \(jobs)") }
        if (rehearse || rehearseReplication) && format.rehearsalFormat == nil {
            let flag = rehearseReplication ? "--rehearse-replication" : "--rehearse"
            throw ValidationError("\(flag) reports as \(ReportFormat.allValueStrings.joined(separator: " or ")), not `\(format.rawValue)`")
        }
    }

    func run() throws {
        var config = try configuration.load()
        schemaOptions.apply(to: &config)
        let reporter = format.reporter(colored: useColor(color))
        let threshold = failOn?.severity ?? config.failOn
        let report = LintCommand.lint(paths, configuration: config, schemaStrict: schemaOptions.schemaStrict,
                                      cache: schemaOptions.cache, sequence: sequence, jobs: jobs ?? availableCores())
        guard rehearseReplication || rehearse else {
            writeStdout(reporter.render(report))
            throw ExitCode(report.exitCode(failOn: threshold))
        }
        SignalTrap.shared.install()
        RehearsalInterruption.shared.arm()
        defer { RehearsalInterruption.shared.reportWritten() }
        let json = format.rehearsalFormat == .json
        if rehearseReplication {
            let options = replicationOptions.replicationOptions(configuration: config, rehearsal: rehearsalOptions,
                                                                subscriberSchema: [], schemaGiven: !schemaOptions.schema.isEmpty)
            let rehearsed = ReplicationRehearsal.rehearse(linted: report, failOn: threshold, configuration: config,
                                                          options: options)
            writeStdout(json ? LintRehearsalJSON.render(rehearsed, lint: JSONReporter().value(report))
                             : LintRehearsalText.render(rehearsed, lint: reporter.render(report)))
            throw ExitCode(rehearsed.exitCode)
        }
        // The command line's --subscriber-schema makes two sides: each file then gets its side's.
        let given = schemaOptions.subscriberSchema == nil ? schemaOptions.schema.map(absolutePath) : []
        let options = rehearsalOptions.rehearsalOptions(schemaFiles: given, configuration: config)
        let rehearsed = Rehearsal.rehearse(linted: report, failOn: threshold, configuration: config, options: options)
        writeStdout(json ? LintRehearsalJSON.render(rehearsed, lint: JSONReporter().value(report))
                         : LintRehearsalText.render(rehearsed, lint: reporter.render(report)))
        throw ExitCode(rehearsed.exitCode)
    }

    /// The lint every form of the command runs.
    static func lint(_ paths: [String], configuration: Configuration, schemaStrict: Bool = false,
                     cache: CatalogCache?, sequence: Bool = false, jobs: Int = availableCores()) -> LintReport {
        var session = LintSession(configuration: configuration, rules: RuleRegistry.all, schemaStrict: schemaStrict)
        session.baselineCache = cache
        session.sequence = sequence
        session.jobs = jobs
        return session.run(paths: paths)
    }

    /// `replint [lint] [PATH ...]` with no option, the pre-commit case, runs
    /// with the command's defaults without building the argument parser,
    /// which is most of the start-up of a run on one small file.
    static func runWithDefaults(_ paths: [String]) throws(CLIError) -> Int32 {
        let configuration = try ConfigurationOptions.load(nil)
        let report = lint(paths, configuration: configuration, cache: SchemaOptions.defaultCache)
        writeStdout(LintFormat.text.reporter(colored: useColor(.auto)).render(report))
        return report.exitCode(failOn: configuration.failOn)
    }
}
