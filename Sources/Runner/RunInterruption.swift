import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT/SIGTERM during a run. The signal thread (SignalTrap) cancels the
/// running statement with PQcancel and then waits, bounded, until the run
/// has rolled back and logged what committed; only then does SignalTrap
/// exit with 128 + the signal. Without the wait the process would end before
/// the log says what happened, and the server would roll back on its own,
/// silently.
final class RunInterruption: @unchecked Sendable {
    private let lock = Lock()
    private var interrupted = false
    private var settled = false
    private let connection: Connection
    private var token: SignalTrap.Token?
    /// Long enough for a ROLLBACK of a cancelled statement, short enough
    /// that a job manager's grace period (30s in Kubernetes) is not used up.
    private static let settleLimitMicroseconds = 20_000_000

    init(connection: Connection) {
        self.connection = connection
    }

    /// From here on a signal cancels instead of killing the process outright.
    func arm() {
        let token = SignalTrap.shared.register { [self] in interrupt() }
        lock.withLock { self.token = token }
    }

    var isInterrupted: Bool { lock.withLock { interrupted } }

    /// Called on SignalTrap's cleanup thread.
    func interrupt() {
        let alreadySettled = lock.withLock { () -> Bool in
            interrupted = true
            return settled
        }
        guard !alreadySettled else { return }
        try? connection.cancel()
        var waited = 0
        while !lock.withLock({ settled }) && waited < Self.settleLimitMicroseconds {
            usleep(10_000)
            waited += 10_000
        }
    }

    /// The run has rolled back (or finished) and logged it: the signal
    /// thread may exit the process now.
    func settle() {
        let token = lock.withLock { () -> SignalTrap.Token? in
            settled = true
            return self.token
        }
        if let token { SignalTrap.shared.unregister(token) }
    }
}
