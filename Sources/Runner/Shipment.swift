import Lint
import PGClient
import SQLSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `replint ship FILE`: the lint gate and the plan's verdict, replication
/// checked on both sides, the file applied on the side its order names
/// first (as `replint run` applies it), replication watched, the other
/// side, replication watched again. Any failure stops before the next side
/// is touched; the report (written on every path, a signal included) says
/// what is applied where and what to do next.
public final class Shipment {
    public let request: ShipRequest
    private let linter: Linter
    private let planner: ShipPlanner
    private let log: RunLog
    private let output: @Sendable (String) -> Void
    private var interruption: RunInterruption?

    /// `log` takes the runner's lines as they happen; `output` the report,
    /// once, at the end.
    public init(request: ShipRequest, linter: Linter, planner: @escaping ShipPlanner, log: RunLog,
                output: @escaping @Sendable (String) -> Void) {
        self.request = request
        self.linter = linter
        self.planner = planner
        self.log = log
        self.output = output
    }

    public func run() -> ShipReport {
        log.redact(request.subscriber.secrets + request.publisher.secrets)
        var report = ShipReport(file: request.file.path, firstSide: Self.firstSide(planner(SQLDocument(request.file.source))))
        var connections: [Connection] = []
        ship(&report, connections: &connections)
        if interruption?.isInterrupted == true, report.outcome != .shipped { report.outcome = .interrupted }
        ShipNextSteps(request: request).fill(&report)
        output(log.scrubbed(report.rendered(request.format)))
        // Only now may a signal's cleanup exit the process: the report is out.
        interruption?.settle()
        connections.forEach { $0.close() }
        return report
    }

    static func firstSide(_ verdict: ShipPlanVerdict) -> ShipSide {
        verdict.declared == .publisherFirst ? .publisher : .subscriber
    }

    private func ship(_ report: inout ShipReport, connections: inout [Connection]) {
        let checksClock = Stopwatch()
        guard let (file, verdict) = choosePart(&report) else { return }
        report = ShipReport(file: file.path, firstSide: Self.firstSide(verdict))
        report.planText = verdict.text
        report.outcome = .refused
        let document = SQLDocument(file.source)
        guard admitsPlan(verdict, report: &report) else { return }
        guard LintAdmission(linter: linter, log: log).admits(document, force: request.force),
              MigrationRunner.admitsEverything(document, log: log) else {
            report[.checks].notes.append("the lint gate refused \(file.path) (the findings are in the log); fix them or pass --force")
            return
        }
        let plan: ExecutionPlan
        do {
            plan = try ExecutionPlan(document)
        } catch {
            report[.checks].notes.append("\(file.path): \(error.description)")
            return
        }
        report.revertStatements = ShipRevert.statements(undoing: plan)
        report.outcome = .cannotStart
        LibpqEnvironment.clear()
        // A signal while connecting (a database that does not answer) finds
        // nothing to cancel: it is answered with a report of its own.
        let whileConnecting = SignalTrap.shared.register { [output, log, request] in
            var interrupted = ShipReport(file: file.path, firstSide: Self.firstSide(verdict))
            interrupted.planText = verdict.text
            interrupted.outcome = .interrupted
            interrupted[.checks].status = .interrupted
            interrupted[.checks].notes.append("interrupted while connecting to the databases, before anything ran")
            ShipNextSteps(request: request).fill(&interrupted)
            output(log.scrubbed(interrupted.rendered(request.format)))
        }
        let connected = connect(.subscriber, &report).flatMap { subscriber in connect(.publisher, &report).map { (subscriber, $0) } }
        // Unregistered before the interruption below is armed, so one signal
        // never writes two reports.
        SignalTrap.shared.unregister(whileConnecting)
        guard let (subscriber, publisher) = connected else { return }
        connections = [subscriber, publisher]
        // From here on a signal is answered with the report, not a bare exit.
        let interruption = RunInterruption(connection: subscriber)
        interruption.arm()
        self.interruption = interruption
        let watched: [WatchedSubscription]
        do {
            watched = try ReplicationObserver.findSubscriptions(subscriber: subscriber, publisher: publisher, named: request.subscription)
        } catch {
            report[.checks].notes.append(error.description)
            report[.checks].status = .failed
            return
        }
        report.subscriptions = watched.map { "\($0.name) (slot \($0.slot), publications \($0.publications))" }
        let observer = ReplicationObserver(subscriber: subscriber, publisher: publisher, watched: watched)
        let subscriberLog = SubscriberLog(flag: request.subscriberLog, subscriber: subscriber)
        report.subscriberLog = subscriberLog.description
        guard let baseline = healthyStart(observer, &report), !interruption.isInterrupted else { return }
        report[.checks].status = .ok
        report[.checks].durationMilliseconds = checksClock.elapsedMilliseconds
        if request.dryRun {
            describePhases(&report, plan: plan)
            report.outcome = .dryRun
            return
        }
        report.outcome = .failed
        let watch = ShipWatch(observer: observer, log: subscriberLog, isInterrupted: { interruption.isInterrupted })
        for (side, after) in [(report.firstSide, ShipReport.Phase.Name.between), (report.firstSide.other, .after)] {
            let mark = subscriberLog.mark()
            let application = ShipSideApplication(side: side, request: request.runRequest(for: side, file: file),
                                                  document: document, plan: plan,
                                                  connection: side == .subscriber ? subscriber : publisher, log: log)
            let outcome = application.apply(into: &report[side == .subscriber ? .subscriber : .publisher])
            report.applied[side] = ShipSideApplication.applied(outcome, phase: report[side == .subscriber ? .subscriber : .publisher],
                                                               statements: plan.statements.count)
            guard outcome == .applied else {
                if outcome == .interrupted || interruption.isInterrupted { report.outcome = .interrupted }
                return
            }
            let ending = watch.watch(&report[after], baseline: baseline, mark: mark,
                                     settle: after == .between ? request.settle : .zero, catchUpTimeout: request.catchUpTimeout)
            guard ending == .healthy else {
                if ending == .interrupted { report.outcome = .interrupted }
                return
            }
        }
        report.outcome = .shipped
    }

    /// The whole file, or with `--part N` that part of its split plan.
    private func choosePart(_ report: inout ShipReport) -> (MigrationFile, ShipPlanVerdict)? {
        let whole = planner(SQLDocument(request.file.source))
        guard let number = request.part else { return (request.file, whole) }
        guard whole.kind == .split else {
            report[.checks].notes.append("--part \(number): the plan of \(request.file.path) is not split (\(whole.text)); ship it without --part")
            return nil
        }
        guard number <= whole.parts.count else {
            report[.checks].notes.append("--part \(number): the plan has \(whole.parts.count) part(s): \(whole.partList)")
            return nil
        }
        do {
            let part = try whole.parts[number - 1].document(of: request.file, number: number)
            return (part, planner(SQLDocument(part.source)))
        } catch {
            report[.checks].notes.append(error.description)
            return nil
        }
    }

    private func admitsPlan(_ verdict: ShipPlanVerdict, report: inout ShipReport) -> Bool {
        guard verdict.kind != .fits else { return true }
        let parts = verdict.kind == .split ? " Parts: \(verdict.partList); ship one at a time with --part N." : ""
        if request.force {
            report[.checks].notes.append("the plan says: \(verdict.text); shipping \(verdict.declared.rawValue) as declared, because of --force")
            log.record(.warning, "forced", "shipping despite the plan's verdict (\(verdict.kind.rawValue)), because of --force")
            return true
        }
        report[.checks].status = .failed
        report[.checks].notes.append("refused: the plan says: \(verdict.text).\(parts) Pass --force to ship it as declared anyway")
        return false
    }

    private func connect(_ side: ShipSide, _ report: inout ShipReport) -> Connection? {
        let settings = side == .subscriber ? request.subscriber : request.publisher
        do {
            let connection = try Connection(conninfo: settings.conninfo(certificateFile: nil))
            let version = (try? connection.execute("SELECT current_database(), current_setting('server_version')").rows.first) ?? nil
            log.record(.info, "connected", "connected to the \(side.rawValue): database \(version?[0] ?? "?"), PostgreSQL \(version?[1] ?? "?")",
                       [RunLog.Field("side", .string(side.rawValue))])
            return connection
        } catch {
            let reason = if case PostgresError.connection(let message) = error { message } else { "\(error)" }
            report[.checks].status = .failed
            report[.checks].notes.append("cannot connect to the \(side.rawValue) (\(side.urlOption) or \(side.variable)): \(reason)")
            return nil
        }
    }

    /// Every watched subscription enabled, its worker up, its slot streamed.
    /// A worker between two attempts is given a moment before it counts as down.
    private func healthyStart(_ observer: ReplicationObserver, _ report: inout ShipReport) -> ReplicationState? {
        do {
            var state = try observer.state()
            for _ in 0..<20 where !state.startProblems.isEmpty && state.subscriptions.allSatisfy(\.enabled) {
                usleep(ShipWatch.pollMicroseconds)
                state = try observer.state()
            }
            report[.checks].lagBeforeBytes = state.maximumLag
            report[.checks].applyErrorCounts = state.subscriptions.map {
                "\($0.name): \($0.applyErrorCount.map(String.init) ?? "not counted before PostgreSQL 15")"
            }
            guard state.startProblems.isEmpty else {
                report[.checks].status = .failed
                report[.checks].notes += state.startProblems.map { "refused before anything ran: \($0)" }
                return nil
            }
            report[.checks].notes.append("replication healthy: " + state.subscriptions.map {
                "\($0.name) enabled, apply worker process \($0.workerPID ?? "?"), slot \($0.slot) streamed"
            }.joined(separator: "; "))
            return state
        } catch {
            report[.checks].status = .failed
            report[.checks].notes.append("cannot read the replication state: \(error)")
            return nil
        }
    }

    private func describePhases(_ report: inout ShipReport, plan: ExecutionPlan) {
        let parts = plan.steps.enumerated().map { PartDescription(step: $0.element, number: $0.offset + 1) }
            .map { "part \($0.number) (\($0.lines), \($0.step.isTransaction ? "one transaction" : "autocommit"))" }.joined(separator: ", ")
        let sideNote = "dry run: would apply \(plan.statements.count) statement(s) in \(parts.isEmpty ? "no part" : parts), "
            + "lock_timeout = \(request.lockTimeout), statement_timeout = \(request.statementTimeout == "0" ? "off" : request.statementTimeout)"
        report[.subscriber].notes.append(sideNote)
        report[.publisher].notes.append(sideNote)
        report[.between].notes.append("dry run: would watch the apply workers and error counts for \(request.settle) (--settle), "
                                      + "then wait up to \(request.catchUpTimeout) for catch-up (--catch-up-timeout)")
        report[.after].notes.append("dry run: would wait up to \(request.catchUpTimeout) for catch-up and check the workers and error counts again")
        report[.checks].notes.append("dry run: nothing applied")
    }
}
