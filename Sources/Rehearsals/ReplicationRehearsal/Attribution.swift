import Lint

/// Ties each problem to the file lines that caused it (the applied
/// statements naming its table), marks each `replication-*` finding
/// confirmed or not seen, and calls out breakage no rule predicted.
struct Attribution {
    let tables: FileTables
    let findings: [Finding]

    func apply(to report: inout ReplicationRehearsalReport) {
        var applied = Set<Int>()
        for index in report.phases.indices {
            applied.formUnion(report.phases[index].applied.map(\.line))
            for p in report.phases[index].problems.indices where report.phases[index].problems[p].lines.isEmpty {
                let problem = report.phases[index].problems[p]
                let enumLines = tables.enumChangeLines(in: problem.message).filter(applied.contains)
                let tableLines = problem.table.map { tables.lines(naming: $0, among: applied) } ?? []
                report.phases[index].problems[p].lines = enumLines.isEmpty ? tableLines : enumLines
            }
        }
        let replicationFindings = findings.filter { $0.category == .replication }
        let problems = report.problems
        let findingStatements = replicationFindings.map { tables.statementLine(containing: $0.start.line) ?? $0.start.line }
        report.findings = zip(replicationFindings, findingStatements).map { finding, statement in
            .init(ruleID: finding.ruleID.rawValue, line: finding.start.line, message: finding.message,
                  confirmed: problems.contains { $0.lines.contains(statement) || $0.lines.contains(finding.start.line) })
        }
        report.unpredicted = problems.filter { problem in
            guard problem.kind.breaks else { return false }
            if problem.lines.isEmpty { return replicationFindings.isEmpty }
            return !problem.lines.contains { findingStatements.contains($0) }
        }
    }

    /// The table a server message names: `relation "hbi.hosts"`, `table "hosts"`.
    static func table(in message: String) -> String? {
        for marker in ["relation \"", "table \""] {
            guard let start = message.range(of: marker)?.upperBound,
                  let end = message[start...].firstIndex(of: "\"") else { continue }
            return String(message[start..<end])
        }
        return nil
    }
}

private extension String {
    func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
