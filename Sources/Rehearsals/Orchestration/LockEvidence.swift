import Lint

/// Holds lock findings' predictions against the rehearsal of their file:
/// the statement a finding points into, the locks it took (or its
/// transaction already held), and the tables it rewrote.
public enum LockEvidence {
    /// `lint` with every finding that predicts locks, in a file one of
    /// `rehearsals` ran, marked confirmed or not.
    public static func confirm(_ lint: LintReport, with rehearsals: [RehearsalReport]) -> LintReport {
        var out = lint
        for i in out.results.indices {
            guard let rehearsal = rehearsals.first(where: { $0.path == out.results[i].path }) else { continue }
            for j in out.results[i].findings.indices where !out.results[i].findings[j].predictions.isEmpty {
                out.results[i].findings[j].rehearsal = confirmation(of: out.results[i].findings[j], in: rehearsal)
            }
        }
        return out
    }

    public static func confirmation(of finding: Finding, in rehearsal: RehearsalReport) -> LockConfirmation {
        let at = finding.range.lowerBound
        guard let index = rehearsal.statements.firstIndex(where: { $0.range.contains(at) || $0.range.lowerBound == at }) else {
            let stopped = rehearsal.setupError != nil || rehearsal.failure != nil || rehearsal.interruptedBy != nil
            return .init(confirmed: false, evidence: stopped ? "the rehearsal stopped before this statement"
                                                              : "the rehearsal did not run this statement")
        }
        let record = rehearsal.statements[index]
        if record.failed { return .init(confirmed: false, evidence: "the statement failed in the rehearsal") }
        guard record.locksTraced else {
            return .init(confirmed: false, evidence: record.execution == .notRehearsable
                         ? "the rehearsal could not run it in a transaction"
                         : "it ran outside a transaction (autocommit block), whose locks end with it and are not traced")
        }
        // A lock an earlier statement of the same transaction took is still
        // held, and taking it again adds nothing to pg_locks.
        let stillHeld = rehearsal.statements[..<index].flatMap { earlier in
            earlier.locks.filter { ($0.heldThroughLine ?? 0) >= record.line }.map { (line: earlier.line, lock: $0.lock) }
        }
        var seen: [String] = [], unseen: [String] = []
        for prediction in finding.predictions {
            let taken = record.locks.map(\.lock).filter { prediction.names($0.relation) }
            let held = stillHeld.filter { prediction.names($0.lock.relation) }
            let relation = (taken.first?.relation ?? held.first?.lock.relation) ?? prediction.name
            if let mode = prediction.mode {
                if taken.contains(where: { $0.modeName == mode.rawValue }) {
                    seen.append("\(mode.rawValue) on \(relation)")
                } else if let earlier = held.first(where: { $0.lock.modeName == mode.rawValue }) {
                    seen.append("\(mode.rawValue) on \(relation), held since line \(earlier.line)")
                } else {
                    let modes = Set(taken.map(\.modeName) + held.map(\.lock.modeName))
                    let ordered = LockMode.allCases.map(\.rawValue).filter(modes.contains)
                    unseen.append(ordered.isEmpty ? "no lock on \(relation)" : "\(ordered.joined(separator: ", ")) on \(relation)")
                }
            }
            if let rewrites = prediction.rewrites {
                let rewritten = (record.rewrote + record.rewrotePartitionsOf).contains(where: prediction.names)
                let words = rewritten ? "a rewrite of \(relation)" : "no rewrite of \(relation)"
                if rewritten == rewrites { seen.append(words) } else { unseen.append(words) }
            }
        }
        if unseen.isEmpty { return .init(confirmed: true, evidence: seen.joined(separator: "; ")) }
        let server = rehearsal.serverVersion.flatMap { $0.split(separator: " ").first }.map { " (PostgreSQL \($0))" } ?? ""
        return .init(confirmed: false, evidence: "the rehearsal saw " + (unseen + seen).joined(separator: "; ") + server)
    }
}
