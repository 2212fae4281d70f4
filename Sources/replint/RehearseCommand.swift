import ArgumentParser
import Lint
import PGClient
import PGServers
import Rehearsals
import Rules
#if canImport(Glibc)
import Glibc
#endif

/// The options `rehearse` and `lint --rehearse` share. The baseline comes
/// from `--schema` (each command declares its own) or the configuration.
struct RehearsalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Rehearse on this database (a postgresql:// URL or libpq conninfo) instead of a throwaway cluster.",
        discussion: "Everything runs in one transaction that is rolled back. PG* variables are never read."))
    var databaseURL: String?

    @Option(name: .long, help: "Seed data loaded after the baseline (repeatable).")
    var setup: [String] = []

    @Flag(name: .long, help: "Exit 1 when a statement cannot be rehearsed in a transaction.")
    var strict = false

    @Option(name: .customLong("pg-bin"), help: "Directory with initdb, pg_ctl and postgres (default: PATH, pg_config, /usr/lib/postgresql/*/bin).")
    var pgBin: String?

    @Option(name: .customLong("pg-user"), help: "When run as root, the user that runs the throwaway server (default: postgres).")
    var pgUser: String?

    func rehearsalOptions(schemaFiles: [String], configuration: Configuration) -> Rehearsal.Options {
        Rehearsal.Options(
            databaseURL: databaseURL, schemaFiles: schemaFiles, setupFiles: setup, strict: strict,
            cluster: .init(binDirectory: pgBin, runAsUser: pgUser),
            replicatedTables: configuration.replicatedTables ?? [], configuration: configuration)
    }
}

struct RehearseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Run a migration on a real PostgreSQL, report durations and locks, and roll it back.",
        discussion: """
            Default target: a throwaway PostgreSQL started for this run and removed afterwards, where the \
            file's autocommit blocks really commit. With --database-url the file runs in one transaction that \
            is rolled back. Exit codes: 0 rehearsed, 1 a statement failed (or --strict and something was not \
            rehearsable), 2 the rehearsal could not be set up.

            With --replication: a throwaway publisher and subscriber, the file applied on each side in its \
            declared order (it really commits there), traffic from the publisher after each phase; exit 1 when \
            a statement failed on either side or replication broke, diverged or timed out.
            """)

    @Argument(help: "The migration file.")
    var file: String

    @Option(name: .long, help: ArgumentHelp(
        "Baseline schema loaded first, e.g. a pg_dump --schema-only (repeatable).",
        discussion: "Default: the configuration's baseline of the side the file's declared order reaches first; none with --database-url."))
    var schema: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "Apply the file to a throwaway publisher/subscriber pair under traffic, in its declared order.")
    var replication = false

    @Option(name: .long, help: "With --replication: the subscriber's own baseline when it differs from the publisher's (repeatable; default: the configuration's subscriber schema, else --schema).")
    var subscriberSchema: [String] = []

    @OptionGroup(title: "Replication (with --replication)") var replicationOptions: ReplicationRehearsalOptions
    @OptionGroup var rehearsal: RehearsalOptions
    @OptionGroup var configurationOptions: ConfigurationOptions

    func validate() throws {
        if replication && rehearsal.databaseURL != nil {
            throw ValidationError("--replication rehearses on its own throwaway pair; --database-url does not apply")
        }
    }

    func run() throws {
        SignalTrap.shared.install()
        RehearsalInterruption.shared.arm()
        defer { RehearsalInterruption.shared.reportWritten() }
        var configuration = try configurationOptions.load()
        if replication {
            if !schema.isEmpty { configuration.schema = .shared(schema) }
            var options = replicationOptions.replicationOptions(configuration: configuration, rehearsal: rehearsal,
                                                                subscriberSchema: subscriberSchema, schemaGiven: !schema.isEmpty)
            options.progress = TerminalProgress.make(humanFormat: format == .text)
            let rehearsals = ReplicationRehearsal.rehearse(files: [file], configuration: configuration,
                                                           rules: RuleRegistry.all, options: options)
            writeStdout(format == .json ? ReplicationRehearsalJSON.render(rehearsals) : ReplicationRehearsalText.render(rehearsals))
            throw ExitCode(rehearsals.exitCode)
        }
        var options = rehearsal.rehearsalOptions(schemaFiles: schema, configuration: configuration)
        options.progress = TerminalProgress.make(humanFormat: format == .text)
        let report = Rehearsal.rehearse(file: file, options: options) { cluster in
            // Where the server lives (its log included) while it runs; gone afterwards.
            Console.err("replint: rehearsing on a throwaway PostgreSQL in \(cluster.directory) (removed on exit)\n")
        }
        writeStdout(format == .json ? RehearsalJSON.render(report) + "\n" : RehearsalText.render(report))
        throw ExitCode(report.exitCode)
    }
}

/// The options `rehearse --replication` and `lint --rehearse-replication` share.
struct ReplicationRehearsalOptions: ParsableArguments {
    @Option(name: .long, help: "How long to wait for the subscriber to catch up after each phase, e.g. 15s, 500ms, 1m.")
    var catchUpTimeout = CatchUpTimeout(argument: "15s")!

    @Option(name: .long, help: "Traffic on the replicated tables the file names (touched) or on every replicated table (all).")
    var traffic: ReplicationRehearsal.TrafficScope = .touched

    func replicationOptions(configuration: Configuration, rehearsal: RehearsalOptions,
                            subscriberSchema: [String], schemaGiven: Bool) -> ReplicationRehearsal.Options {
        let configured = configuration.resolvedBaselines
        let baseline = configured.publisher
        let subscriberBaseline = subscriberSchema.isEmpty ? configured.subscriber : subscriberSchema
        var options = ReplicationRehearsal.Options(
            schemaFiles: baseline, subscriberSchemaFiles: subscriberBaseline, setupFiles: rehearsal.setup,
            cluster: .init(binDirectory: rehearsal.pgBin, runAsUser: rehearsal.pgUser),
            replicatedTables: configuration.replicatedTables ?? [], catchUpTimeout: catchUpTimeout.duration, traffic: traffic)
        options.schemaOrigin = schemaGiven ? .commandLine : .configuration
        options.subscriberSchemaOrigin = schemaGiven || !subscriberSchema.isEmpty ? .commandLine : .configuration
        options.onPairReady = { pair in
            // Where the servers live (their logs included) while they run; gone afterwards.
            Console.err("replint: rehearsing on a throwaway publisher in \(pair.publisher.directory) and subscriber in "
                  + "\(pair.subscriber.directory) (removed on exit)\n")
        }
        return options
    }
}
