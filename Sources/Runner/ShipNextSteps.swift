/// What to do after a ship that did not finish, from where it stopped:
/// which side has the new shape, the command that finishes the job, and
/// where PostgreSQL says what went wrong. Connection strings are named by
/// their variables, never spelled out: they hold passwords.
struct ShipNextSteps {
    let request: ShipRequest

    func fill(_ report: inout ShipReport) {
        let first = report.firstSide
        let second = first.other
        let firstPhase = report[phaseName(first)]
        let secondPhase = report[phaseName(second)]
        var steps: [String] = []
        switch report.outcome {
        case .shipped, .dryRun:
            return
        case .refused:
            steps.append("nothing was applied anywhere; fix the file (`replint lint`, `replint plan`) and ship again")
        case .cannotStart:
            steps.append("nothing was applied anywhere; fix what the checks name, then ship again")
        case .interrupted where report[.checks].status != .ok:
            steps.append("nothing was applied anywhere; ship again when ready: \(retry)")
        case .failed, .interrupted:
            if firstPhase.status != .ok {
                steps.append("the \(second.rawValue) was not touched")
                steps.append(firstPhase.committed.isEmpty
                             ? "the \(first.rawValue) is as it was; fix the cause and ship again: \(retry)"
                             : "the \(first.rawValue) has part of the file (\(firstPhase.committed.joined(separator: "; "))); "
                               + "finish or undo it there by hand before shipping again")
            } else if secondPhase.status == .notRun {
                steps.append("the \(first.rawValue) has the new shape; the \(second.rawValue) was not touched")
                if report[.between].status != .ok {
                    steps.append(replicationAdvice(report[.between]))
                }
                steps.append("once replication is healthy, apply the file on the \(second.rawValue) alone: \(runCommand(on: second))")
                steps.append(undo(first, report))
            } else if secondPhase.status != .ok {
                steps.append("the \(first.rawValue) has the new shape; the \(second.rawValue) "
                             + (secondPhase.committed.isEmpty ? "is as it was (rolled back)" : "has part of it: \(secondPhase.committed.joined(separator: "; "))"))
                steps.append("fix the cause and apply the file on the \(second.rawValue) alone: \(runCommand(on: second))")
                steps.append(undo(first, report))
            } else {
                steps.append("both sides have the file, but replication did not come back healthy")
                steps.append(replicationAdvice(report[.after]))
            }
        }
        report.nextSteps = steps
    }

    /// How to take the first side back to where the second still is.
    private func undo(_ side: ShipSide, _ report: ShipReport) -> String {
        if let statements = report.revertStatements {
            return "or undo the \(side.rawValue) with: " + statements.joined(separator: " ")
        }
        return "or undo the \(side.rawValue): run the file's downgrade there "
            + "(`alembic downgrade <revision> --sql` prints its statements) and check it with `replint lint` first"
    }

    private func phaseName(_ side: ShipSide) -> ShipReport.Phase.Name {
        side == .subscriber ? .subscriber : .publisher
    }

    private var retry: String {
        "replint ship \(request.file.path)" + (request.part.map { " --part \($0)" } ?? "")
    }

    private func runCommand(on side: ShipSide) -> String {
        if let part = request.part {
            return "the statements of part \(part) (`replint plan \(request.file.path)` prints them) with `replint run --database-url \"$\(side.variable)\"`"
        }
        let path = request.file.path
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        return "replint run --dir \(directory) --file \(request.file.name) --database-url \"$\(side.variable)\""
    }

    private func replicationAdvice(_ phase: ShipReport.Phase) -> String {
        if phase.status == .interrupted {
            return "replication was being watched when the signal came: check pg_stat_subscription and pg_stat_subscription_stats on the subscriber"
        }
        if phase.notes.contains(where: { $0.contains("did not catch up") }) {
            return "the subscriber is behind or blocked, not failing: wait until its lag (pg_replication_slots on the publisher) is gone "
                + "and whatever blocks its apply worker has finished"
        }
        if phase.loggedErrors.isEmpty {
            return "fix replication first: the apply worker's error is in the subscriber's server log"
                + " (see `subscriber log` above); pg_stat_subscription_stats counts the attempts"
        }
        return "fix replication first: the subscriber cannot apply what the publisher sends (PostgreSQL's words above); "
            + "make the subscriber's table accept it, or skip the failing transaction with "
            + "`ALTER SUBSCRIPTION name SKIP (lsn = '...')` using the LSN after `finished at` in the CONTEXT"
    }
}
