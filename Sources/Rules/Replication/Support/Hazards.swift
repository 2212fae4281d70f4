import Lint
import SQLSource

/// What a replication rule finds in one statement: its violations and the
/// apply orders it owns, made by one detection. A change that needs an
/// order can only be declared in the call that reports its violation, so
/// `replication-apply-order` may stay quiet about it: the owner has spoken.
/// `check` keeps the violations, `orderedChanges` the changes.
public struct Hazards {
    let statement: Statement
    let rule: RuleID
    /// ALTER TABLE's parse node also carries ALTER VIEW, INDEX, FOREIGN TABLE,
    /// SEQUENCE and TYPE ... ATTRIBUTE. Rules still report those, but no
    /// order was ever given to them, and `plan` keeps it so.
    private var hasApplyOrder: Bool { statement.node?.alterTable.map(\.altersTable) ?? true }
    public private(set) var violations: [Violation] = []
    public private(set) var changes: [OrderedChange] = []

    /// Whether the violations are wanted: the changes alone (for a rule that
    /// is off, or for `plan`) need no messages.
    private let reports: Bool
    /// Whether the changes are wanted.
    private let declares: Bool

    init(_ statement: Statement, rule: RuleID, reports: Bool, declares: Bool) {
        self.statement = statement
        self.rule = rule
        self.reports = reports
        self.declares = declares
    }

    /// Reports a hazard on the statement; with `order`, also declares that
    /// `command` needs that order, for the reason given.
    mutating func report(_ message: @autoclosure () -> String, help: @autoclosure () -> String? = nil, severity: Severity? = nil,
                         needs order: ApplyOrder? = nil, because reason: @autoclosure () -> String = "", command: Int = 0) {
        if reports { violations.append(Violation(range: statement.range, message: message(), help: help(), severity: severity)) }
        if let order { declare(order, reason(), command: command) }
    }

    /// Declares a change this rule owns that fits either order and is no
    /// hazard in this case: `plan` lists it under the rule.
    mutating func declare(either reason: @autoclosure () -> String, command: Int = 0) {
        declare(.either, reason(), command: command)
    }

    private mutating func declare(_ order: ApplyOrder, _ reason: @autoclosure () -> String, command: Int) {
        guard declares, hasApplyOrder else { return }
        changes.append(OrderedChange(statement: statement.index, command: command, range: statement.range,
                                     order: order, reason: reason(), rule: rule))
    }
}

/// A replication rule whose findings and apply orders come from one detection.
public protocol HazardRule: Rule {
    func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards)
}

extension HazardRule {
    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        examine(statement, in: context, reports: true, declares: false).violations
    }

    public func orderedChanges(_ statement: Statement, in context: LintContext) -> [OrderedChange] {
        examine(statement, in: context, reports: false, declares: true).changes
    }

    public func examine(_ statement: Statement, in context: LintContext) -> (violations: [Violation], changes: [OrderedChange]) {
        examine(statement, in: context, reports: true, declares: true)
    }

    private func examine(_ statement: Statement, in context: LintContext, reports: Bool, declares: Bool)
        -> (violations: [Violation], changes: [OrderedChange]) {
        var found = Hazards(statement, rule: id, reports: reports, declares: declares)
        hazards(statement, in: context, into: &found)
        return (found.violations, found.changes)
    }
}

extension AlterTable {
    /// ALTER TABLE proper, the only form of the statement with an apply order.
    var altersTable: Bool { objectKind == .table || objectKind == .other }
}

extension AlterTableCommand {
    /// The column a command names, for reasons (ADD COLUMN names it in its definition).
    var columnName: String { name ?? definition?.columnDef?.name ?? "" }
}
