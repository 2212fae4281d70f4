/// The rehearsal report for a terminal: one row per statement (line, head,
/// duration, locks), then the failure and the rollback check.
public enum RehearsalText {
    public static func render(_ report: RehearsalReport) -> String {
        var out = "rehearsal of \(report.path) on \(targetDescription(report))\n"
        if let baseline = report.baseline { out += "  baseline: \(baseline.summary)\n" }
        for note in report.setupNotes { out += "  setup: \(note)\n" }
        if let setupError = report.setupError {
            return out + "  could not rehearse: \(setupError)\n"
        }
        if !report.statements.isEmpty {
            out += "  " + pad("line", 6, right: true) + "  " + pad("statement", 62) + pad("ms", 9, right: true) + "  locks taken\n"
        }
        for record in report.statements {
            let duration = record.durationMilliseconds.map(RehearsalJSON.milliseconds) ?? "-"
            let locks = lockTexts(record)
            out += "  " + pad(String(record.line), 6, right: true) + "  " + pad(record.head, 62) + pad(duration, 9, right: true)
                + "  " + (locks.first ?? "") + "\n"
            for lock in locks.dropFirst() { out += String(repeating: " ", count: 83) + lock + "\n" }
            let rewrites = record.rewrote.map { "rewrote \($0) (its relfilenode changed: every row copied under the lock)" }
            for note in rewrites + record.notes + record.notices { out += String(repeating: " ", count: 10) + "note: \(note)\n" }
        }
        if let signal = report.interruptedBy {
            let at = report.interruptedLine.map { " while line \($0) ran" } ?? ""
            let cleanup = report.target == .ephemeralCluster ? "the throwaway cluster is removed"
                : "its transaction is rolled back"
            out += "  INTERRUPTED by \(signalName(signal))\(at): the rehearsal stopped there and \(cleanup)\n"
        }
        if let failure = report.failure {
            let state = failure.sqlstate.map { " (SQLSTATE \($0))" } ?? ""
            let at = failure.errorLine.flatMap { $0 != failure.line ? " (error at line \($0))" : nil } ?? ""
            out += "  FAILED at \(report.path):\(failure.line)\(at): \(failure.message)\(state)\n"
            if let detail = failure.detail { out += "    detail: \(detail)\n" }
            if let hint = failure.hint { out += "    hint: \(hint)\n" }
        }
        for record in report.notRehearsable {
            out += "  not rehearsable in a transaction: line \(record.line) `\(record.head)`\n"
        }
        if let rollback = report.rollback {
            if rollback.unchanged {
                out += "  rolled back; catalogue fingerprint unchanged (\(rollback.scope); \(rollback.after.digest))\n"
            } else {
                out += "  rolled back, but the catalogue changed (\(rollback.scope)):\n"
                for line in rollback.before.differences(to: rollback.after) { out += "    \(line)\n" }
            }
        }
        for note in report.notes { out += "  note: \(note)\n" }
        let blocking = report.blockingLocks
        if !blocking.isEmpty {
            out += "  locks that block the application until their transaction ends:\n"
            for lock in blocking { out += "    \(describe(lock))\n" }
        }
        out += "  result: \(verdict(report))\n"
        return out
    }

    static func targetDescription(_ report: RehearsalReport) -> String {
        let version = report.serverVersion.map { " \($0)" } ?? ""
        switch report.target {
        case .ephemeralCluster: return "an ephemeral PostgreSQL\(version) (thrown away afterwards)"
        case .database: return "the database given by --database-url (PostgreSQL\(version)), in one transaction rolled back"
        }
    }

    static func lockTexts(_ record: RehearsalReport.StatementRecord) -> [String] {
        if record.failed { return ["(failed)"] }
        guard record.locksTraced else { return record.execution == .notRehearsable ? ["(not run)"] : ["(not traced)"] }
        if record.locks.isEmpty { return ["(no new locks)"] }
        return record.locks.map { traced in
            var tags: [String] = [traced.lock.kind.rawValue]
            tags.append(traced.existedBefore ? "existed before the file" : "new")
            if traced.replicated { tags.append("replicated") }
            if let blocks = traced.blocks { tags.append("blocks \(blocks.rawValue)") }
            if !traced.lock.granted { tags.append("waiting") }
            return (traced.flagged ? "! " : "") + "\(traced.lock.modeName) \(traced.lock.relation) (\(tags.joined(separator: ", ")))"
        }
    }

    public static func describe(_ lock: RehearsalReport.BlockingLock) -> String {
        let held = lock.heldMilliseconds.map { ", held \(RehearsalJSON.milliseconds($0)) ms" } ?? ""
        let through = lock.heldThroughLine.map { " to the end of its transaction (line \($0))" } ?? ""
        return "line \(lock.line): \(lock.mode) on \(lock.relation) blocks \(lock.blocks.rawValue)\(held)\(through)"
            + (lock.replicated ? ", a replicated table" : "")
    }

    public static func verdict(_ report: RehearsalReport) -> String {
        if report.interruptedBy != nil { return "interrupted" }
        switch report.exitCode {
        case 0 where !report.notRehearsable.isEmpty:
            return "rehearsed, except \(report.notRehearsable.count) statement(s) not rehearsable in a transaction"
        case 0: return "rehearsed"
        case 1 where report.failure != nil: return "failed"
        case 1 where report.rollback?.unchanged == false: return "the rollback did not restore the catalogue"
        case 1: return "not fully rehearsable (--strict)"
        default: return "could not rehearse"
        }
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let clipped = text.count > width ? String(text.prefix(width - 1)) + "…" : text
        let padding = String(repeating: " ", count: max(0, width - clipped.count))
        return right ? padding + clipped : clipped + padding
    }
}
