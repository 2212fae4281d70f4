import PGClient
/// How a run ended. The exit code follows DESIGN.md: 0 done, 1 the migration
/// was refused or failed, 2 the runner could not do its job.
public enum RunOutcome: Sendable, Equatable {
    /// Every statement ran and every part committed.
    case applied
    /// Dry run: connected and linted; nothing was executed.
    case dryRun
    /// Error-level findings (without `--force`), or a statement the file
    /// places where it cannot run: nothing was executed.
    case refused
    /// Another run of the same file holds the advisory lock.
    case alreadyRunning
    /// A statement (or a COMMIT) failed on `line`, nil when the session set-up
    /// failed before the file's first statement; its transaction was rolled back.
    case failed(line: Int?, sqlstate: String?)
    /// SIGINT/SIGTERM: the running statement was cancelled and rolled back.
    /// The process itself exits 128 + the signal, through `SignalTrap`.
    case interrupted
    /// No connection to the database.
    case cannotConnect

    public var exitCode: Int32 {
        switch self {
        case .applied, .dryRun: 0
        case .refused, .alreadyRunning, .failed, .interrupted: 1
        case .cannotConnect: 2
        }
    }
}
