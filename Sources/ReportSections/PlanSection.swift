import Lint
import Reporters
import Rules

/// `lint --plan --format markdown`: each file's plan as a collapsible
/// section, closed on its verdict, listing the parts to ship (or what no
/// order makes safe) above `replint plan`'s full text.
public enum PlanSection {
    public static func of(_ plan: MigrationPlan, path: String) -> MarkdownSection {
        MarkdownSection(title: "Plan of \(path)", verdict: plan.verdictText, items: items(plan), body: plan.text())
    }

    static func items(_ plan: MigrationPlan) -> [String] {
        switch plan.verdict {
        case .split:
            return plan.parts.enumerated().map { index, part in
                "part \(index + 1), \(part.order.rawValue): " + part.statements.map { head($0) }.joined(separator: "; ")
            }
        case .unsafe:
            return plan.blocked.map { "line \($0.line), unsafe: \($0.head): \($0.reason)" + ($0.rule.map { " [\($0)]" } ?? "") }
        case .fits, .needsOrder:
            return plan.entries.filter { $0.order != .either }.map { "line \($0.line), \($0.order.rawValue): \($0.head)" }
        }
    }

    /// A statement's SQL on one line, shortened: the section's text has it whole.
    static func head(_ sql: String) -> String {
        let flat = sql.split(whereSeparator: \.isNewline).map { $0.drop(while: \.isWhitespace) }.joined(separator: " ")
        return flat.count > 80 ? String(flat.prefix(79)) + "…" : flat
    }
}
