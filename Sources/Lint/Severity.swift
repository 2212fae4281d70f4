public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

public enum RuleCategory: String, Sendable, CaseIterable {
    case alembic, replication, locking, compatibility, conventions
}

/// Which side of a logical replication pair a statement must reach first.
public enum ApplyOrder: String, Sendable, CaseIterable {
    case subscriberFirst = "subscriber-first"
    case publisherFirst = "publisher-first"
    case either
    case unsafe
}
