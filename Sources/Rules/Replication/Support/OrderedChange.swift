import Lint

/// What one statement (or one command of an ALTER TABLE) needs: the side
/// it must reach first, why, and which rule reports it when it is a hazard
/// of its own (one cause, one finding: `replication-apply-order` then stays quiet).
public struct OrderedChange: Sendable {
    public let order: ApplyOrder
    public let reason: String
    public let range: Range<Int>
    /// The rule that owns this hazard; nil when only the order matters.
    public let coveredBy: String?
    /// A statement to run first, in the opposite order, that makes this one safe
    /// (DROP NOT NULL before DROP COLUMN).
    public let prerequisite: String?

    init(_ order: ApplyOrder, _ reason: String, range: Range<Int>, coveredBy: String? = nil, prerequisite: String? = nil) {
        self.order = order
        self.reason = reason
        self.range = range
        self.coveredBy = coveredBy
        self.prerequisite = prerequisite
    }
}

extension ApplyOrder {
    /// The side a file in this order reaches first.
    var firstSide: String {
        switch self {
        case .subscriberFirst: "subscriber"
        case .publisherFirst: "publisher"
        case .either, .unsafe: "either side"
        }
    }
}
