/// A rule's identifier (`replication-rename`). Each rule declares its own as
/// a static member in the rule's file (`RuleID.replicationRename`) and the
/// registry lists the rules, so an id is spelled in one place. Text from
/// users (`rules:` in `.replint.yml`, `replint-ignore` comments, `replint
/// explain ID`) becomes a `RuleID` at that boundary and is checked against
/// the registry there.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    public static func < (a: RuleID, b: RuleID) -> Bool { a.rawValue < b.rawValue }
}

/// Findings the engine makes itself, because only it sees their cause; each
/// is reported under the rule that takes the role, which carries the id,
/// metadata and page.
public enum EngineRole: Sendable {
    /// A suppression that silences nothing.
    case unusedSuppression
    /// A suppression that gives no reason.
    case suppressionWithoutReason
    /// A statement the schema model contradicts (`--schema-strict`).
    case schemaContradiction
    /// A baseline statement that does not parse.
    case baselineSyntaxError
}
