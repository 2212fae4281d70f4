/// A table lock mode, as PostgreSQL's documentation and the LOCK statement
/// spell it.
public enum LockMode: String, Sendable, Hashable, CaseIterable {
    case accessShare = "ACCESS SHARE"
    case rowShare = "ROW SHARE"
    case rowExclusive = "ROW EXCLUSIVE"
    case shareUpdateExclusive = "SHARE UPDATE EXCLUSIVE"
    case share = "SHARE"
    case shareRowExclusive = "SHARE ROW EXCLUSIVE"
    case exclusive = "EXCLUSIVE"
    case accessExclusive = "ACCESS EXCLUSIVE"
}

/// What a lock finding says PostgreSQL does to one relation: the lock mode
/// the statement takes on it, and whether it rewrites it. `lint --rehearse`
/// holds it against what the rehearsal saw.
public struct LockPrediction: Sendable, Hashable {
    /// nil when neither the statement nor the model names the schema: the
    /// relation search_path finds.
    public let schema: String?
    public let relation: String
    public let mode: LockMode?
    /// true: every row is copied to a new file; false: the finding says it
    /// is not; nil: the finding does not say.
    public let rewrites: Bool?

    public init(schema: String?, relation: String, mode: LockMode?, rewrites: Bool? = nil) {
        self.schema = schema
        self.relation = relation
        self.mode = mode
        self.rewrites = rewrites
    }

    /// `schema.name` as pg_class spells it (no quotes), or the bare name.
    public var name: String { schema.map { "\($0).\(relation)" } ?? relation }

    /// True when `qualified` (`schema.name`, as the lock trace names relations) is this relation.
    public func names(_ qualified: String) -> Bool {
        if let schema { return qualified == "\(schema).\(relation)" }
        return qualified.hasSuffix(".\(relation)") && !qualified.dropLast(relation.count + 1).isEmpty
    }
}

/// What a rehearsal said about a lock finding's predictions.
public struct LockConfirmation: Sendable, Equatable {
    public let confirmed: Bool
    /// What the rehearsal saw, in words: "SHARE on public.hosts", or why it
    /// does not confirm: "the rehearsal saw no lock on public.hosts".
    public let evidence: String

    public init(confirmed: Bool, evidence: String) {
        self.confirmed = confirmed
        self.evidence = evidence
    }

    /// "confirmed by rehearsal (...)" or "not confirmed: ...".
    public var summary: String { confirmed ? "confirmed by rehearsal (\(evidence))" : "not confirmed: \(evidence)" }
}
