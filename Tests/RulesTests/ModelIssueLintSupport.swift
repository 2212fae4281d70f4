import Lint
import Rules
import Schema
import SQLSource

/// Lints `sql` with every rule, as `replint lint` does, from a baseline for
/// both sides or one for each.
func lintFindings(_ sql: String, baseline: String? = nil, subscriber: String? = nil,
                  configure: (inout Configuration) -> Void = { _ in }) throws -> [Finding] {
    var configuration = Configuration()
    configure(&configuration)
    var linter = Linter(rules: RuleRegistry.all, configuration: configuration)
    if let baseline { linter.baselines = try Baselines.fromSQL(baseline, subscriber: subscriber) }
    return linter.lint(try SQLDocument(path: "m.sql", text: sql))
}

extension Array where Element == Finding {
    var replication: [Finding] { filter { $0.category == .replication } }
    func of(_ rule: RuleID) -> [Finding] { filter { $0.ruleID == rule } }
}
