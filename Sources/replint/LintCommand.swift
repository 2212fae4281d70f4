import ArgumentParser
import Lint
import PGClient
import Rehearsals
import Reporters
import ReportSections
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

    @Argument(help: "Files or folders to lint (default: app_migrations/ beside .replint.yml, else in the working directory); `-` reads standard input.")
    var paths: [String] = []

    @OptionGroup var outputOptions: OutputOptions
    var format: LintFormat { outputOptions.format }

    @Option(name: .long, help: ArgumentHelp("The path to report SQL read from standard input (`-`) under.", valueName: "path"))
    var stdinFilepath: String?

    @OptionGroup(title: "Rules") var selectionOptions: RuleSelectionOptions

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

    @Flag(name: .long, help: "Add each file's plan (see `replint plan`) to the report: text, or a collapsible section in markdown.")
    var plan = false

    @Flag(name: .long, help: "Then rehearse each file without error-level findings on a real PostgreSQL (see `replint rehearse`).")
    var rehearse = false
    @OptionGroup(title: "Rehearsal (with --rehearse)") var rehearsalOptions: RehearsalOptions
    @Flag(name: .long, help: "Then rehearse every linted file on a throwaway publisher/subscriber pair (see `replint rehearse --replication`).")
    var rehearseReplication = false
    @OptionGroup(title: "Replication (with --rehearse-replication)") var replicationOptions: ReplicationRehearsalOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, not \(jobs)") }
        if paths.contains(StandardInput.path) && paths.count > 1 {
            throw ValidationError("`-` (standard input) cannot be linted together with other paths")
        }
        if stdinFilepath != nil && paths != [StandardInput.path] {
            throw ValidationError("--stdin-filepath names what `-` reads; give `-` as the only path")
        }
        if sequence && paths == [StandardInput.path] {
            throw ValidationError("--sequence orders files; standard input is one text")
        }
        if plan && format != .text && format != .markdown {
            throw ValidationError("--plan adds the plans to the text or markdown report, not to `\(format.rawValue)`")
        }
        // SARIF has no place for a rehearsal, but its results carry --rehearse's verdicts on lock findings.
        if (rehearse || rehearseReplication) && format.rehearsalFormat == nil && format != .markdown && !(rehearse && format == .sarif) {
            let formats = ReportFormat.allValueStrings.joined(separator: ", ") + (rehearseReplication ? " or markdown" : ", markdown or sarif")
            throw ValidationError("\(rehearseReplication ? "--rehearse-replication" : "--rehearse") reports as \(formats), not `\(format.rawValue)`")
        }
    }

    func run() throws {
        var config = try configuration.load()
        schemaOptions.apply(to: &config)
        try selectionOptions.apply(to: &config)
        let setting = outputOptions.setting(configuration: config, colored: useColor(color))
        let reporter = format.reporter(setting)
        let threshold = failOn?.severity ?? config.failOn
        let session = LintCommand.session(configuration: config, schemaStrict: schemaOptions.schemaStrict, cache: schemaOptions.cache,
                                          sequence: sequence, jobs: jobs ?? availableCores())
        let standardInput = paths == [StandardInput.path]
        if !standardInput && !plan && !rehearse && !rehearseReplication {
            let summary = try LintCommand.stream(paths, session: session, reporter: reporter, to: outputOptions.open())
            throw ExitCode(summary.exitCode(failOn: threshold))
        }
        // A plan or a rehearsal needs every file's document: the whole report is kept.
        let report = standardInput
            ? session.run(text: try StandardInput.read(), path: stdinFilepath ?? StandardInput.path)
            : session.run(paths: paths)
        let plans = plan ? MigrationPlanner.plans(for: report, session: session) : []
        let planSections = plans.map { PlanSection.of($0, path: setting.rootRelative($0.path)) }
        let lintText = { (linted: LintReport) in reporter.render(linted) + plans.map { "\n" + $0.text() }.joined() }
        guard rehearseReplication || rehearse else {
            try outputOptions.write(format == .markdown ? MarkdownReporter(setting, sections: planSections).render(report) : lintText(report))
            throw ExitCode(report.exitCode(failOn: threshold))
        }
        SignalTrap.shared.install()
        RehearsalInterruption.shared.arm()
        defer { RehearsalInterruption.shared.reportWritten() }
        let json = format.rehearsalFormat == .json
        if rehearseReplication {
            var options = replicationOptions.replicationOptions(configuration: config, rehearsal: rehearsalOptions,
                                                                subscriberSchema: [], schemaGiven: !schemaOptions.schema.isEmpty)
            options.progress = TerminalProgress.make(humanFormat: format == .text)
            let rehearsed = ReplicationRehearsal.rehearse(linted: report, failOn: threshold, configuration: config,
                                                          options: options)
            try outputOptions.write(format == .markdown ? MarkdownReporter(setting, sections: planSections + RehearsalSections.of(rehearsed)).render(report)
                                    : json ? LintRehearsalJSON.render(rehearsed, lint: JSONReporter().value(report))
                                    : LintRehearsalText.render(rehearsed, lint: lintText(report)))
            throw ExitCode(rehearsed.exitCode)
        }
        // The command line's --subscriber-schema makes two sides: each file then gets its side's.
        let given = schemaOptions.subscriberSchema == nil ? schemaOptions.schema.map(absolutePath) : []
        var options = rehearsalOptions.rehearsalOptions(schemaFiles: given, configuration: config)
        options.progress = TerminalProgress.make(humanFormat: format == .text)
        let rehearsed = Rehearsal.rehearse(linted: report, failOn: threshold, configuration: config, options: options)
        // The lint report with its lock findings marked by the rehearsals.
        let confirmed = rehearsed.lint
        if format == .sarif {
            // The log holds the findings with their verdicts; the rehearsals themselves go to stderr.
            writeStderr(LintRehearsalText.render(rehearsed, lint: ""))
            try outputOptions.write(reporter.render(confirmed))
            throw ExitCode(rehearsed.exitCode)
        }
        try outputOptions.write(format == .markdown ? MarkdownReporter(setting, sections: planSections + RehearsalSections.of(rehearsed)).render(confirmed)
                                : json ? LintRehearsalJSON.render(rehearsed, lint: JSONReporter().value(confirmed))
                                : LintRehearsalText.render(rehearsed, lint: lintText(confirmed)))
        throw ExitCode(rehearsed.exitCode)
    }

    /// The session every form of the command lints with.
    static func session(configuration: Configuration, schemaStrict: Bool, cache: CatalogCache?,
                        sequence: Bool = false, jobs: Int = availableCores()) -> LintSession {
        var session = LintSession(configuration: configuration, rules: RuleRegistry.all, schemaStrict: schemaStrict,
                                  resolver: RuleRegistry.resolver)
        session.baselineCache = cache
        session.sequence = sequence
        session.jobs = jobs
        return session
    }

    /// Lints `paths`, writing each file's part of the report as soon as the
    /// file and the ones before it are done; no file's document outlives its part.
    static func stream(_ paths: [String], session: LintSession, reporter: any Reporter,
                       to output: ReportOutput) throws(CLIError) -> LintSummary {
        var reporter = reporter
        let summary = session.stream(paths: paths) { output.write(reporter.file($0)) }
        output.write(reporter.finish(summary))
        try output.close()
        return summary
    }

    /// `replint [lint] [PATH ...]` with no option, the pre-commit case, runs
    /// with the command's defaults without building the argument parser,
    /// which is most of the start-up of a run on one small file.
    static func runWithDefaults(_ paths: [String]) throws(CLIError) -> Int32 {
        let configuration = try ConfigurationOptions.load(nil)
        let session = session(configuration: configuration, schemaStrict: false, cache: SchemaOptions.defaultCache)
        let summary = try stream(paths, session: session, reporter: TextReporter(colored: useColor(.auto)), to: ReportOutput())
        return summary.exitCode(failOn: configuration.failOn)
    }
}
