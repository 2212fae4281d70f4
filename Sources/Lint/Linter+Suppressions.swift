import SQLSource

extension Linter {
    /// The findings that stand, and those a `replint-ignore` comment silenced.
    public func lintWithSuppressed(_ document: SQLDocument) -> (findings: [Finding], suppressed: [SuppressedFinding]) {
        let linted = lintLeavingSchema(document)
        return (linted.findings, linted.suppressed)
    }

    /// Splits `findings` into those that stand and those a suppression
    /// silenced, and adds the engine's findings about the suppressions
    /// themselves: one that silences nothing or names no rule
    /// (`unused-suppression`), one without a reason (`suppression-without-reason`).
    func applySuppressions(_ findings: [Finding], _ document: SQLDocument) -> (kept: [Finding], suppressed: [SuppressedFinding]) {
        var suppressions = Suppressions(document, resolver: resolver)
        var kept: [Finding] = []
        var suppressed: [SuppressedFinding] = []
        for finding in findings {
            guard let entry = suppressions.silencing(finding) else { kept.append(finding); continue }
            suppressed.append(SuppressedFinding(finding: finding, reason: entry.reason, fileWide: entry.scope == nil,
                                                commentLocation: document.file.location(of: entry.comment.range.lowerBound)))
        }
        if let reporter = rules.first(where: { $0.engineRole == .unusedSuppression }) {
            for (comment, typed, rule) in suppressions.unused {
                let message: String
                if let rule {
                    // A rule that is turned off (`rules:`, `--ignore`) has nothing to silence in this run.
                    // A search, not a set: most files have no unused suppression to ask about.
                    guard rules.contains(where: { $0.id == rule }) else { continue }
                    message = "this suppression of `\(rule)` silences nothing"
                } else {
                    message = "`\(typed)` is not a rule replint knows\(resolver.didYouMean(typed)); `replint rules` lists them"
                }
                kept.append(finding(Violation(range: comment.range, message: message), rule: reporter, document: document, statement: nil))
            }
            for entry in suppressions.entries where entry.ids.isEmpty {
                kept.append(finding(Violation(range: entry.comment.range, message: "this suppression names no rule id"),
                                    rule: reporter, document: document, statement: nil))
            }
        }
        if let reporter = rules.first(where: { $0.engineRole == .suppressionWithoutReason }) {
            for comment in suppressions.withoutReason {
                let message = "this suppression gives no reason; write why after the rule ids, so that a reviewer can judge it"
                kept.append(finding(Violation(range: comment.range, message: message), rule: reporter, document: document, statement: nil))
            }
        }
        return (kept, suppressed)
    }
}
