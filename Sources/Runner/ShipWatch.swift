import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watching replication after a side was applied: for `settle` the apply
/// workers must stay up and the error counters must not move, then the
/// subscriber must confirm the publisher's WAL position as it was when the
/// wait began, within `catchUpTimeout`. replint writes nothing to produce
/// that WAL: it watches the application's own traffic.
struct ShipWatch {
    enum Ending: Equatable {
        case healthy
        case broken([String])
        case timedOut(String)
        case interrupted
    }

    let observer: ReplicationObserver
    let log: SubscriberLog
    let isInterrupted: () -> Bool
    static let pollMicroseconds: useconds_t = 100_000

    /// Fills `phase` with lag, counters and the log's words; `baseline` is
    /// the state before anything was applied.
    func watch(_ phase: inout ShipReport.Phase, baseline: ReplicationState, mark: SubscriberLog.Mark,
               settle: Duration, catchUpTimeout: Duration) -> Ending {
        let clock = Stopwatch()
        let ending = observe(&phase, baseline: baseline, settle: settle, catchUpTimeout: catchUpTimeout)
        phase.durationMilliseconds = clock.elapsedMilliseconds
        if case .broken = ending {
            // A worker logs its error just before it exits and its counter is
            // flushed; give the log a moment to hold the line.
            usleep(300_000)
        }
        let latest = try? observer.state()
        phase.lagAfterBytes = latest?.maximumLag
        phase.applyErrorCounts = baseline.subscriptions.map { before in
            let after = latest?.subscriptions.first { $0.name == before.name }?.applyErrorCount
            let text = { (count: Int?) in count.map(String.init) ?? "not counted before PostgreSQL 15" }
            return "\(before.name): \(text(before.applyErrorCount)) -> \(text(after))"
        }
        phase.loggedErrors = LoggedApplyError.distinct(log.applyErrors(since: mark)).prefix(10).map(\.quoted)
        switch ending {
        case .healthy:
            phase.status = .ok
        case .broken(let problems):
            phase.status = .failed
            phase.notes += problems
        case .timedOut(let reason):
            phase.status = .failed
            phase.notes.append(reason)
        case .interrupted:
            phase.status = .interrupted
            phase.notes.append("interrupted by a signal while watching replication")
        }
        return ending
    }

    private func observe(_ phase: inout ShipReport.Phase, baseline: ReplicationState,
                         settle: Duration, catchUpTimeout: Duration) -> Ending {
        do {
            let first = try observer.state()
            phase.lagBeforeBytes = first.maximumLag
            let settling = ContinuousClock.now + settle
            var state = first
            while ContinuousClock.now < settling {
                if isInterrupted() { return .interrupted }
                let problems = state.breakage(since: baseline)
                if !problems.isEmpty { return .broken(problems) }
                usleep(Self.pollMicroseconds)
                state = try observer.state()
            }
            if settle > .zero { phase.notes.append("settled for \(settle): apply workers up, error counts unchanged") }
            let target = try observer.state().publisherLSN
            let deadline = ContinuousClock.now + catchUpTimeout
            while true {
                if isInterrupted() { return .interrupted }
                state = try observer.state(target: target)
                let problems = state.breakage(since: baseline)
                if !problems.isEmpty { return .broken(problems) }
                if state.reachedTarget {
                    phase.notes.append("caught up: every slot confirmed the publisher's WAL position \(target)")
                    return .healthy
                }
                if ContinuousClock.now >= deadline { break }
                usleep(Self.pollMicroseconds)
            }
            let behind = state.subscriptions.filter { !$0.reachedTarget }.map {
                "\($0.name) confirmed \($0.confirmedLSN ?? "nothing"), \($0.lagBytes.map { "\($0) bytes" } ?? "?") behind"
            }
            return .timedOut("the subscriber did not catch up with the publisher's WAL position \(target) within "
                             + "\(catchUpTimeout) (--catch-up-timeout): \(behind.joined(separator: "; ")). Its apply worker "
                             + "runs but is behind or waiting: a lock held on the subscriber, a long transaction; "
                             + "pg_stat_activity on the subscriber shows the worker's wait_event")
        } catch {
            if isInterrupted() { return .interrupted }
            return .broken(["cannot read the replication state: \(error)"])
        }
    }
}
