import ArgumentParser
import Lint
import PGClient
import Rules
import Runner
import SQLSource

struct ShipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ship",
        abstract: "Apply a migration on one side, verify replication, then apply it on the other.",
        discussion: """
        The file's declared order picks the first side (subscriber-first unless it says otherwise). \
        Connection strings come from --subscriber-url/--publisher-url or REPLINT_SUBSCRIBER_URL/REPLINT_PUBLISHER_URL, \
        never from PG* variables or ACG_CONFIG. The runner's log goes to stderr, the report to stdout. \
        Exit codes: 0 both sides applied and replication healthy (or a dry run passed), 1 refused, a phase failed \
        or replication broke (nothing more was applied), 2 bad input, a database that does not answer, or unhealthy \
        replication before anything ran; 130/143 interrupted by SIGINT/SIGTERM (rolled back, the report says what was applied).
        """)

    @Argument(help: "The migration file.")
    var file: String

    @Option(name: .long, help: "The subscriber's libpq connection string (default: REPLINT_SUBSCRIBER_URL).")
    var subscriberURL: String?

    @Option(name: .long, help: "The publisher's libpq connection string (default: REPLINT_PUBLISHER_URL).")
    var publisherURL: String?

    @Option(name: .long, help: "The subscription to watch (default: every subscription whose slot is on the publisher).")
    var subscription: String?

    @Option(name: .long, help: "The subscriber's server log file, for PostgreSQL's words about apply errors.")
    var subscriberLog: String?

    @Option(name: .long, help: "Ship one part of a split plan (1-based, as `replint plan` numbers them).")
    var part: Int?

    @Flag(name: .long, help: "Ship despite error-level lint findings or a plan that is not safe as declared.")
    var force = false

    @Flag(name: .long, inversion: .prefixedNo,
          help: "Connect to both sides, run the checks, print the phases; apply nothing (overrides INVENTORY_MIGRATION_DRYRUN).")
    var dryRun: Bool?

    @Option(name: .long, help: "How long replication must stay healthy after the first side.")
    var settle = CatchUpTimeout(argument: "10s")!

    @Option(name: .long, help: "How long to wait for the subscriber to catch up after each side.")
    var catchUpTimeout = CatchUpTimeout(argument: "60s")!

    @Option(name: .long, help: "How long a statement may wait for a lock before its side fails (0 waits forever).")
    var lockTimeout: String = "5s"

    @Option(name: .long, help: "Longest a statement may run (default: off).")
    var statementTimeout: String?

    @Option(name: .long, help: "The report's format.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "The runner's log lines (stderr) as text, or json.")
    var logFormat: RunLog.Format = .text

    @Option(name: .long, help: "The lowest level logged; warn means warning (default: INVENTORY_LOG_LEVEL, else info).")
    var logLevel: LogLevelChoice?

    @OptionGroup var configuration: ConfigurationOptions

    func run() throws {
        // As `run`: SIGINT/SIGTERM must cancel and roll back, not kill mid-transaction.
        SignalTrap.shared.install()
        let flags = ShipRequest.Flags(file: file, subscriberURL: subscriberURL, publisherURL: publisherURL,
                                      subscription: subscription, subscriberLog: subscriberLog, part: part, force: force,
                                      dryRun: dryRun, settle: settle.duration, catchUpTimeout: catchUpTimeout.duration,
                                      lockTimeout: lockTimeout, statementTimeout: statementTimeout,
                                      format: format == .json ? .json : .text, logFormat: logFormat.rawValue,
                                      logLevel: logLevel?.rawValue)
        let request: ShipRequest
        do { request = try ShipRequest.resolve(flags, environment: ProcessEnvironment.current()) } catch { throw CLIError(error) }
        let session = LintSession(configuration: try configuration.load(), rules: RuleRegistry.all)
        let linter: Linter
        do { linter = try session.linterWithBaselines() } catch { throw CLIError(error) }
        let log = RunLog(format: request.logFormat, minimumLevel: request.logLevel) { Console.err($0) }
        let report = Shipment(request: request, linter: linter, planner: { ShipCommand.verdict($0, linter: linter) },
                              log: log, output: { Console.out($0) }).run()
        throw ExitCode(report.exitCode)
    }

    /// `replint plan`'s verdict, in the runner's terms.
    static func verdict(_ document: SQLDocument, linter: Linter) -> ShipPlanVerdict {
        let plan = MigrationPlanner.plan(document, linter: linter)
        let kind: ShipPlanVerdict.Kind = switch plan.verdict {
        case .fits: .fits
        case .needsOrder: .needsOrder
        case .split: .split
        case .unsafe: .unsafe
        }
        return ShipPlanVerdict(kind: kind, declared: plan.declared, text: plan.verdictText,
                               parts: plan.parts.map { ShipPlanVerdict.Part(order: $0.order, statements: $0.statements) })
    }
}
