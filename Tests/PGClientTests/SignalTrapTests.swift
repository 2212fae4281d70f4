import Testing
@testable import PGClient
import PGServers
import PGTestSupport

/// The signal path itself (SIGTERM -> cleanup -> exit 143) needs a child
/// process and is tested through the CLI; these cover the bookkeeping on an
/// instance that does not own the process's signals.
struct SignalTrapTests {
    @Test func actionsRunNewestFirstAndUnregisteredOnesDoNot() {
        let trap = SignalTrap(trapsSignals: false)
        var ran: [String] = []
        trap.register { ran.append("stop cluster") }
        let removed = trap.register { ran.append("removed") }
        trap.register { ran.append("cancel query") }
        trap.unregister(removed)
        trap.unregister(removed)
        trap.runRegisteredActions()
        #expect(ran == ["cancel query", "stop cluster"])
    }

    @Test func actionsRunOnceAndMayUnregisterThemselves() {
        let trap = SignalTrap(trapsSignals: false)
        var count = 0
        var token: SignalTrap.Token?
        token = trap.register {
            count += 1
            trap.unregister(token!)
        }
        trap.runRegisteredActions()
        trap.runRegisteredActions()
        #expect(count == 1)
    }
}
