/// One part of a statement that needs an apply order (DESIGN.md "Rules"):
/// the side it must reach first, why, and the rule that owns it. Each
/// replication rule declares the changes it reports; `replication-apply-order`
/// and `replint plan` collect them instead of detecting them again.
public struct OrderedChange: Sendable {
    /// The statement's position in its file.
    public let statement: Int
    /// Which part of the statement: the position of the ALTER TABLE command
    /// or the DROP object; 0 for a statement that is one change.
    public let command: Int
    public let range: Range<Int>
    public let order: ApplyOrder
    public let reason: String
    /// A statement to run first, in the opposite order, that makes this one safe
    /// (DROP NOT NULL before DROP COLUMN).
    public let prerequisite: String?
    /// The rule that declares the change, and reports it when it is a hazard.
    public let rule: RuleID

    public init(statement: Int, command: Int, range: Range<Int>, order: ApplyOrder, reason: String,
                prerequisite: String? = nil, rule: RuleID) {
        self.statement = statement
        self.command = command
        self.range = range
        self.order = order
        self.reason = reason
        self.prerequisite = prerequisite
        self.rule = rule
    }
}
