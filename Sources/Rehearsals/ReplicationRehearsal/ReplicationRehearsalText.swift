/// The replication rehearsal for a terminal or a pull-request comment: per
/// phase what ran where, the traffic, and each problem in PostgreSQL's words;
/// then the lint findings beside the outcome, and the verdict.
public enum ReplicationRehearsalText {
    public static func render(_ report: ReplicationRehearsalReport) -> String {
        var out = "replication rehearsal of \(report.path) (\(report.order.rawValue))\n"
        for baseline in report.baselines {
            out += "  baseline on the \(baseline.side?.rawValue ?? "pair"): \(baseline.summary)\n"
        }
        if let setupError = report.setupError {
            return out + "  could not set up the publisher/subscriber pair: \(setupError)\n"
        }
        if let signal = report.interruptedBy, report.phases.isEmpty {
            return out + "  INTERRUPTED by \(signalName(signal)) while the pair was being set up; nothing ran\n"
                + "  verdict: interrupted (exit \(report.exitCode))\n"
        }
        if let refusal = report.refusal {
            return out + "  REFUSED, not run: \(refusal)\n  verdict: FAILED (exit 1)\n"
        }
        out += "  pair ready in \(seconds(report.setupMilliseconds)); publications: \(report.publications.joined(separator: ", "))\n"
        for note in report.setupNotes { out += "  setup: \(note)\n" }
        for phase in report.phases { out += render(phase) }
        if !report.findings.isEmpty {
            out += "  lint findings beside the outcome:\n"
            for finding in report.findings {
                out += "    line \(finding.line) \(finding.ruleID): \(finding.confirmed ? "confirmed" : "not seen") - \(finding.message)\n"
            }
        }
        for problem in report.unpredicted {
            out += "  no rule predicted: \(problem.kind.rawValue) \(lines(problem))\(problem.message)\n"
        }
        if let signal = report.interruptedBy {
            out += "  INTERRUPTED by \(signalName(signal)): the rehearsal stopped and the pair is removed\n"
        }
        let verdict = report.interruptedBy != nil ? "interrupted" : report.exitCode == 0 ? "replication survived" : "FAILED"
        return out + "  verdict: \(verdict) (exit \(report.exitCode)) in \(seconds(report.totalMilliseconds))\n"
    }

    static func render(_ phase: ReplicationRehearsalReport.Phase) -> String {
        var out = "  phase \(phase.number): the file on the \(phase.side) (\(seconds(phase.applyMilliseconds)))\n"
        for statement in phase.applied {
            out += "    line \(statement.line): \(statement.head) -> \(statement.commandTag)"
                + (statement.autocommit ? " (autocommit block)" : "") + "\n"
        }
        if !phase.traffic.isEmpty {
            let ordinary = phase.traffic.filter { $0.operation != .probe }
            let tables = Set(ordinary.map(\.table)).sorted()
            out += "    traffic on the publisher (\(seconds(phase.trafficMilliseconds))): \(ordinary.count) statement(s) on "
                + tables.joined(separator: ", ") + "\n"
            for sent in ordinary where sent.error != nil {
                out += "      \(sent.operation.rawValue) on \(sent.table) refused: \(sent.error!)\n"
            }
            for probe in phase.traffic where probe.operation == .probe {
                let result = probe.error.map { "refused by the publisher: \($0)" } ?? "\(probe.rows) row(s) sent"
                out += "      probe \(probe.table): \(probe.purpose ?? "") -> \(result)\n"
                out += "        \(probe.sql)\n"
            }
        }
        for unfilled in phase.unfilledTables {
            out += "    traffic could not fill \(unfilled.table): \(unfilled.reason)\n"
        }
        if let catchUp = phase.catchUp { out += "    catch-up: \(catchUp) (\(seconds(phase.catchUpMilliseconds)))\n" }
        for table in phase.comparisons {
            let state = table.equal ? "equal" : "DIFFERENT"
            out += "    compared \(table.table): \(state), \(table.publisherRows)/\(table.subscriberRows) row(s)"
                + (table.note.map { " (\($0))" } ?? "") + "\n"
        }
        for note in phase.notes { out += "    note: \(note)\n" }
        for problem in phase.problems {
            let label = problem.kind.breaks ? "PROBLEM" : "reported"
            out += "    \(label) \(problem.kind.rawValue) on the \(problem.side) \(lines(problem))\(problem.message)\n"
            if let detail = problem.detail { out += "      detail: \(detail)\n" }
            if let line = problem.logLine { out += "      log: \(line)\n" }
        }
        return out
    }

    public static func lines(_ problem: ReplicationRehearsalReport.Problem) -> String {
        problem.lines.isEmpty ? "" : "(line " + problem.lines.map(String.init).joined(separator: ", ") + "): "
    }

    static func seconds(_ milliseconds: Double) -> String {
        let tenths = Int((milliseconds / 100).rounded())
        return "\(tenths / 10).\(tenths % 10)s"
    }
}
