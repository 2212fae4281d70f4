import Lint

/// `replint plan FILE`: per statement the side it must reach first and why,
/// the file's verdict, and, when one order cannot serve every statement, the
/// files to split it into, in the order to ship them.
public struct MigrationPlan: Sendable {
    public struct Entry: Sendable {
        public let line: Int
        public let head: String
        /// The whole statement, as the file spells it.
        public let text: String
        public let order: ApplyOrder
        public let reason: String
        /// The rule that reports this statement's hazard, if any.
        public let rule: RuleID?
    }

    /// One file of a split: its declared order and its statements' SQL.
    public struct Part: Sendable {
        public let order: ApplyOrder
        public let statements: [String]
    }

    public enum Verdict: Sendable, Equatable {
        /// Every statement fits the declared order.
        case fits(ApplyOrder)
        /// Every statement fits one order, but not the declared one.
        case needsOrder(ApplyOrder)
        /// Statements need both orders: split into `parts`.
        case split
        /// Some statements break replication in both orders.
        case unsafe
    }

    public let path: String
    public let declared: ApplyOrder
    public let declaredBy: ApplyOrderDeclaration.Source
    public let entries: [Entry]
    public let verdict: Verdict
    public let parts: [Part]
    /// Statements no ordering makes safe, with the rule that says what to do instead.
    public let blocked: [Entry]

    /// True when the file can be shipped as it is declared.
    public var isSafeAsDeclared: Bool {
        if case .fits = verdict { return true }
        return false
    }

    public var verdictText: String {
        switch verdict {
        case .fits(let order): return "safe as declared: \(order.rawValue)"
        case .needsOrder(let order): return "every statement needs \(order.rawValue), but the file is declared \(declared.rawValue): declare `-- replint: apply-order \(order.rawValue)` before its first statement"
        case .split: return "the statements need different orders: split the file into the parts below, shipped in this order"
        case .unsafe: return "\(blocked.count) statement(s) break replication in both orders; no split makes them safe (see their rules)"
        }
    }
}
