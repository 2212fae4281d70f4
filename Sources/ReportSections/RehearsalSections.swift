import Reporters
import Rehearsals

/// `lint --rehearse` and `lint --rehearse-replication` in a Markdown report:
/// each rehearsal a collapsible section, closed on its verdict, listing the
/// locks that block the application or the replication problems above the
/// rehearsal's full text.
public enum RehearsalSections {
    public static func of(_ report: LintRehearsalReport) -> [MarkdownSection] {
        var sections = report.rehearsals.map(section)
        let skipped = report.notRehearsed.map { "\($0.path): \($0.reason)" } + (report.setupError.map { ["could not rehearse: \($0)"] } ?? [])
        if !skipped.isEmpty {
            sections.append(MarkdownSection(title: "Not rehearsed", verdict: "\(skipped.count) file(s)", items: skipped,
                                            body: skipped.joined(separator: "\n")))
        }
        return sections
    }

    public static func of(_ report: LintReplicationRehearsalReport) -> [MarkdownSection] {
        report.rehearsals.reports.map(section)
    }

    public static func section(_ rehearsal: RehearsalReport) -> MarkdownSection {
        var items: [String] = []
        if let failure = rehearsal.failure {
            items.append("failed at line \(failure.line): " + (failure.sqlstate.map { "\($0) " } ?? "") + failure.message)
        }
        if let setupError = rehearsal.setupError { items.append("could not rehearse: \(setupError)") }
        if let rollback = rehearsal.rollback, !rollback.unchanged { items.append("the rollback did not restore the catalogue (\(rollback.scope))") }
        items += rehearsal.notRehearsable.map { "line \($0.line): not rehearsable in a transaction: \($0.head)" }
        let locks = rehearsal.blockingLocks.map { "lock " + RehearsalText.describe($0) }
        items += locks
        var verdict = RehearsalText.verdict(rehearsal)
        if rehearsal.exitCode == 0 { verdict += locks.isEmpty ? ", no lock that blocks the application" : ", \(locks.count) lock(s) that block the application" }
        return MarkdownSection(title: "Rehearsal of \(rehearsal.path)", verdict: verdict, items: items, body: RehearsalText.render(rehearsal))
    }

    public static func section(_ rehearsal: ReplicationRehearsalReport) -> MarkdownSection {
        var items: [String] = []
        if let refusal = rehearsal.refusal { items.append("refused, not run: \(refusal)") }
        if let setupError = rehearsal.setupError { items.append("could not set up the pair: \(setupError)") }
        for phase in rehearsal.phases {
            for problem in phase.problems {
                items.append("phase \(phase.number), \(problem.kind.rawValue) on the \(problem.side) "
                             + ReplicationRehearsalText.lines(problem) + problem.message)
            }
        }
        items += rehearsal.findings.map { "line \($0.line) \($0.ruleID): \($0.confirmed ? "confirmed" : "not seen")" }
        items += rehearsal.unpredicted.map { "no rule predicted: \($0.kind.rawValue) " + ReplicationRehearsalText.lines($0) + $0.message }
        let broke = rehearsal.problems.filter(\.kind.breaks).count
        let verdict = switch rehearsal.exitCode {
        case 0: "replication survived"
        case 1 where rehearsal.refusal != nil: "refused"
        case 1: "failed: \(broke) replication problem(s)"
        case 2: "could not run"
        default: "interrupted"
        }
        return MarkdownSection(title: "Replication rehearsal of \(rehearsal.path)", verdict: verdict, items: items,
                               body: ReplicationRehearsalText.render(rehearsal))
    }
}
