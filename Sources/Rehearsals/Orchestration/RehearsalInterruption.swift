import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// SIGINT/SIGTERM during a rehearsal. SignalTrap's cleanup stops the
/// throwaway servers first (their teardowns are registered after this
/// action, and actions run newest first); this action then cancels a
/// statement still running on a `--database-url` database and waits,
/// bounded, until the command has printed its report, which says
/// "interrupted" rather than calling what the stopped servers did a
/// failure. Only then does SignalTrap exit with 128 + the signal.
public final class RehearsalInterruption: Sendable {
    public static let shared = RehearsalInterruption()

    private let armed = Atomic<Bool>(false)
    private let reported = Atomic<Bool>(false)
    private let running = Mutex<Connection?>(nil)
    /// Long enough to roll back a cancelled statement and print the report.
    private static let reportLimitMicroseconds = 10_000_000

    /// Call before any server starts. Idempotent.
    public func arm() {
        guard !armed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        SignalTrap.shared.register { [self] in settle() }
    }

    /// The signal that interrupted this process, if one did.
    public static var signal: Int32? { SignalTrap.shared.interruption }

    /// The command has written its report: the cleanup may exit now.
    public func reportWritten() {
        reported.store(true, ordering: .sequentiallyConsistent)
    }

    /// The connection whose statement a signal cancels (nil: none).
    func watch(_ connection: Connection?) {
        running.withLock { $0 = connection }
    }

    private func settle() {
        if let connection = running.withLock({ $0 }) { try? connection.cancel() }
        var waited = 0
        while !reported.load(ordering: .sequentiallyConsistent) && waited < Self.reportLimitMicroseconds {
            usleep(10_000)
            waited += 10_000
        }
    }
}

/// "SIGINT", "SIGTERM", or the number.
func signalName(_ signal: Int32) -> String {
    switch signal {
    case SIGINT: "SIGINT"
    case SIGTERM: "SIGTERM"
    default: "signal \(signal)"
    }
}
