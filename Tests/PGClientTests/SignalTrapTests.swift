import Testing
@testable import PGClient
import PGServers
import PGTestSupport
import Synchronization

/// The signal path itself (SIGTERM -> cleanup -> exit 143) needs a child
/// process and is tested through the CLI; these cover the bookkeeping on an
/// instance that does not own the process's signals.
struct SignalTrapTests {
    @Test func actionsRunNewestFirstAndUnregisteredOnesDoNot() {
        let trap = SignalTrap(trapsSignals: false)
        let ran = Mutex<[String]>([])
        trap.register { ran.withLock { $0.append("stop cluster") } }
        let removed = trap.register { ran.withLock { $0.append("removed") } }
        trap.register { ran.withLock { $0.append("cancel query") } }
        trap.unregister(removed)
        trap.unregister(removed)
        trap.runRegisteredActions()
        #expect(ran.withLock { $0 } == ["cancel query", "stop cluster"])
    }

    @Test func actionsRunOnceAndMayUnregisterThemselves() {
        let trap = SignalTrap(trapsSignals: false)
        let count = Atomic<Int>(0)
        let token = Mutex<SignalTrap.Token?>(nil)
        let registered = trap.register {
            count.add(1, ordering: .relaxed)
            trap.unregister(token.withLock { $0 }!)
        }
        token.withLock { $0 = registered }
        trap.runRegisteredActions()
        trap.runRegisteredActions()
        #expect(count.load(ordering: .relaxed) == 1)
    }
}
