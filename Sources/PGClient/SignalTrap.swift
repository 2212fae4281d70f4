#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Turns SIGINT and SIGTERM into an orderly exit: registered cleanup actions
/// (cancel the running query, stop clusters, remove temporary directories)
/// run newest first, then the process exits with 128 + the signal number.
///
/// A dedicated thread takes the signals with sigwait, so no work runs inside
/// a signal handler. Best: call `install()` first thing in main, before any
/// other thread exists; every later thread inherits the blocked mask and only
/// the watcher ever sees the signals. The trap also installs itself lazily on
/// first `register`, when other threads may have the signals unblocked; for
/// those, a minimal handler forwards the signal to the watcher (pthread_kill
/// is async-signal-safe). A second signal while cleanup runs exits at once.
public final class SignalTrap: Sendable {
    public struct Token: Hashable, Sendable {
        fileprivate let id: Int
    }

    public static let shared = SignalTrap(trapsSignals: true)

    private struct State {
        var actions: [(id: Int, action: @Sendable () -> Void)] = []
        var nextID = 0
        /// True from the start for instances made by tests: only `shared` may
        /// own the process's signals.
        var installed: Bool
    }

    /// Never touched by the signal handler (see `forwardToWatcher`).
    private let state: Mutex<State>
    /// The signal the watcher took; 0 until then.
    private let receivedSignal = Atomic<Int32>(0)

    init(trapsSignals: Bool) {
        state = Mutex(State(installed: !trapsSignals))
    }

    /// Blocks SIGINT/SIGTERM in the calling thread (and so in every thread it
    /// creates later) and starts the watcher. Idempotent.
    public func install() {
        var trapped = Self.trappedSignals
        pthread_sigmask(SIG_BLOCK, &trapped, nil)
        state.withLock { Self.installIfNeeded(&$0) }
    }

    /// Registers `action` to run when SIGINT or SIGTERM arrives, on the
    /// trap's cleanup thread. Actions must be idempotent: the same cleanup
    /// usually also runs on the normal path.
    @discardableResult
    public func register(_ action: @escaping @Sendable () -> Void) -> Token {
        state.withLock { state in
            Self.installIfNeeded(&state)
            state.nextID += 1
            state.actions.append((state.nextID, action))
            return Token(id: state.nextID)
        }
    }

    /// SIGINT or SIGTERM once one has arrived (its cleanup then runs), else
    /// nil: work that fails because the cleanup stopped its server reads it
    /// to say "interrupted" instead of reporting a failure.
    public var interruption: Int32? {
        let taken = receivedSignal.load(ordering: .sequentiallyConsistent)
        if taken != 0 { return taken }
        let forwarded = signalForwarded.load(ordering: .sequentiallyConsistent)
        return forwarded != 0 ? forwarded : nil
    }

    /// Forgets an action; unknown or already removed tokens are ignored.
    public func unregister(_ token: Token) {
        state.withLock { $0.actions.removeAll { $0.id == token.id } }
    }

    /// Runs and forgets every registered action, newest first. Actions run
    /// outside the lock, so they may unregister themselves.
    func runRegisteredActions() {
        let pending = state.withLock { state -> [@Sendable () -> Void] in
            defer { state.actions.removeAll() }
            return state.actions.reversed().map { $0.action }
        }
        pending.forEach { $0() }
    }

    /// Called with the state locked, so a concurrent `register` returns only
    /// once the handler is in place.
    private static func installIfNeeded(_ state: inout State) {
        guard !state.installed else { return }
        state.installed = true
        var trapped = Self.trappedSignals
        var previousMask = sigset_t()
        // The watcher inherits this mask, so the signals stay pending for its
        // sigwait instead of reaching the default action.
        pthread_sigmask(SIG_BLOCK, &trapped, &previousMask)
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { _ in
            SignalTrap.shared.watch()
            return nil
        }, nil)
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        guard created == 0 else { return }
        watcherThread.store(thread, ordering: .sequentiallyConsistent)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = forwardToWatcher
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // The signal can make the main thread's work fail (a cancelled query)
        // and reach exit() while cleanup still runs; park it there instead,
        // so cleanup completes and sets the exit status.
        atexit { SignalTrap.shared.parkIfCleaningUp() }
    }

    private func watch() {
        var trapped = Self.trappedSignals
        var signal: Int32 = 0
        while sigwait(&trapped, &signal) != 0 {}
        receivedSignal.store(signal, ordering: .sequentiallyConsistent)
        var thread = pthread_t()
        if pthread_create(&thread, nil, { _ in
            SignalTrap.shared.cleanUpAndExit()
            return nil
        }, nil) != 0 {
            cleanUpAndExit()
        }
        // Cleanup is stuck or slow and the user insists: leave without it
        // (and without flushing stdio, whose locks a stuck thread may hold).
        var second: Int32 = 0
        while sigwait(&trapped, &second) != 0 {}
        _exit(128 + second)
    }

    private func cleanUpAndExit() {
        runRegisteredActions()
        fflush(nil)
        let signal = receivedSignal.load(ordering: .sequentiallyConsistent)
        _exit(128 + (signal != 0 ? signal : SIGTERM))
    }

    private func parkIfCleaningUp() {
        guard signalForwarded.load(ordering: .sequentiallyConsistent) != 0
              || receivedSignal.load(ordering: .sequentiallyConsistent) != 0 else { return }
        while true { sleep(60) }
    }

    private static var trappedSignals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }
}

// The signal handler touches only these two lock-free atomics (a lock, the
// trap's Mutex included, is never safe in a handler). pthread_t is an integer on Linux.
/// Read inside the signal handler; written once, before the handler exists.
private let watcherThread = Atomic<pthread_t>(0)
/// Set inside the handler: the interrupted thread may reach exit() before
/// the watcher has even woken up.
private let signalForwarded = Atomic<Int32>(0)

private func forwardToWatcher(_ signal: Int32) {
    signalForwarded.store(signal, ordering: .sequentiallyConsistent)
    pthread_kill(watcherThread.load(ordering: .sequentiallyConsistent), signal)
}
