import ArgumentParser
import Lint
import PGClient
import Runner
import Rules
#if canImport(Glibc)
import Glibc
#endif

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Apply one migration file to the database (the migration runner).",
        discussion: """
        The file is a plain name inside --dir, from --file or INVENTORY_MIGRATION_FILE. \
        INVENTORY_MIGRATION_DRYRUN=true (or --dry-run) connects, lints and prints what would run, and runs nothing. \
        Database settings, first found wins: --database-url, the Clowder config ACG_CONFIG names, \
        INVENTORY_DB_HOST/PORT/NAME/USER/PASS/SSL_MODE/SSL_CERT, then libpq's PG* variables. \
        Exit codes: 0 applied (or dry run passed), 1 refused or failed (rolled back), 2 bad input or no database, \
        130/143 interrupted by SIGINT/SIGTERM (rolled back).
        """)

    @Option(name: .long, help: "The migration file name inside --dir (overrides INVENTORY_MIGRATION_FILE).")
    var file: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Print what would run and run nothing (overrides INVENTORY_MIGRATION_DRYRUN).")
    var dryRun: Bool?

    @Option(name: .long, help: "The migrations directory.")
    var dir: String = "app_migrations/"

    @Option(name: .long, help: "A libpq connection URI or key=value string; wins over ACG_CONFIG and INVENTORY_DB_*.")
    var databaseURL: String?

    @Option(name: .long, help: "How long a statement may wait for a lock before the run fails (0 waits forever).")
    var lockTimeout: String = "5s"

    @Option(name: .long, help: "Longest a statement may run (default: off).")
    var statementTimeout: String?

    @Flag(name: .long, help: "Run even when the file has error-level lint findings.")
    var force = false

    @Option(name: .long, help: "Log lines as text, or json (one JSON object per line).")
    var logFormat: RunLog.Format = .text

    @Option(name: .long, help: "The lowest level logged, in any case; warn means warning (default: INVENTORY_LOG_LEVEL, else info).")
    var logLevel: LogLevelChoice?

    @OptionGroup var configuration: ConfigurationOptions

    func run() throws {
        // Only the runner owns SIGINT/SIGTERM: they must cancel the running
        // statement and roll back, not kill the process mid-transaction.
        SignalTrap.shared.install()
        let flags = RunRequest.Flags(file: file, dryRun: dryRun, directory: dir, databaseURL: databaseURL,
                                     lockTimeout: lockTimeout, statementTimeout: statementTimeout, force: force,
                                     logFormat: logFormat.rawValue, logLevel: logLevel?.rawValue)
        let request: RunRequest
        do {
            request = try RunRequest.resolve(flags, environment: ProcessEnvironment.current())
        } catch {
            throw CLIError(error)
        }
        let config = try configuration.load()
        let session = LintSession(configuration: config, rules: RuleRegistry.all)
        var linter = session.linter
        switch session.loadBaselines() {
        case .success(let baselines): linter.baselines = baselines
        case .failure(let error): throw CLIError("schema file \(error.description)")
        }
        let log = RunLog(format: request.logFormat, minimumLevel: request.logLevel) { line in
            Console.out(line)
        }
        let outcome = MigrationRunner(request: request, linter: linter, log: log).run()
        throw ExitCode(outcome.exitCode)
    }
}
