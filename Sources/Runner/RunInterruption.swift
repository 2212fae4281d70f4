import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// SIGINT/SIGTERM during a run. The signal thread (SignalTrap) cancels the
/// running statement with PQcancel and then waits, bounded, until the run
/// has rolled back and logged what committed; only then does SignalTrap
/// exit with 128 + the signal. Without the wait the process would end before
/// the log says what happened, and the server would roll back on its own,
/// silently.
final class RunInterruption: Sendable {
    private let interrupted = Atomic<Bool>(false)
    private let settled = Atomic<Bool>(false)
    private let connection: Connection
    private let token = Mutex<SignalTrap.Token?>(nil)
    /// Long enough for a ROLLBACK of a cancelled statement, short enough
    /// that a job manager's grace period (30s in Kubernetes) is not used up.
    private static let settleLimitMicroseconds = 20_000_000

    init(connection: Connection) {
        self.connection = connection
    }

    /// From here on a signal cancels instead of killing the process outright.
    func arm() {
        let token = SignalTrap.shared.register { [self] in interrupt() }
        self.token.withLock { $0 = token }
    }

    var isInterrupted: Bool { interrupted.load(ordering: .sequentiallyConsistent) }

    /// Called on SignalTrap's cleanup thread.
    func interrupt() {
        // Sequentially consistent, so either this sees `settle()`'s store or
        // `settle()` runs after `isInterrupted` is true.
        interrupted.store(true, ordering: .sequentiallyConsistent)
        guard !settled.load(ordering: .sequentiallyConsistent) else { return }
        try? connection.cancel()
        var waited = 0
        while !settled.load(ordering: .sequentiallyConsistent) && waited < Self.settleLimitMicroseconds {
            usleep(10_000)
            waited += 10_000
        }
    }

    /// The run has rolled back (or finished) and logged it: the signal
    /// thread may exit the process now.
    func settle() {
        settled.store(true, ordering: .sequentiallyConsistent)
        if let token = token.withLock({ $0 }) { SignalTrap.shared.unregister(token) }
    }
}
