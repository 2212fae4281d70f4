/// The other ids rules answer to (`RuleDescription.aliases`), each mapped
/// to the rule's own id. Text from users is resolved through it once, where
/// it becomes a `RuleID`, so the rest of the engine only sees rule ids.
public struct RuleAliases: Sendable {
    public let canonical: [RuleID: RuleID]

    public init(_ descriptions: [RuleDescription]) {
        var map: [RuleID: RuleID] = [:]
        for d in descriptions {
            for alias in d.aliases { map[alias] = d.id }
        }
        canonical = map
    }

    public init() { canonical = [:] }

    /// The rule's own id for `id`: itself unless it is an alias.
    public func resolve(_ id: RuleID) -> RuleID { canonical[id] ?? id }
}
