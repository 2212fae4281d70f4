/// How a rule id a user typed (a `replint-ignore` comment, `--select`)
/// becomes the id of a rule replint knows. The command line passes the
/// registry's lookup, which also knows each rule's aliases; without one,
/// ids are matched among the rules at hand, in any case.
public struct RuleResolver: Sendable {
    /// Every name a user may type (ids, and aliases where there are any), for "did you mean".
    public var names: [String] { makeNames() }
    /// Built when a message needs them: most runs meet no unknown id, and
    /// sorting every name is a good part of a small run's start-up.
    private let makeNames: @Sendable () -> [String]
    private let lookup: @Sendable (String) -> RuleID?

    public init(names: @autoclosure @escaping @Sendable () -> [String], lookup: @escaping @Sendable (String) -> RuleID?) {
        self.makeNames = names
        self.lookup = lookup
    }

    /// Ids and aliases matched among `rules`, in any case.
    public init(rules: [any Rule]) {
        let ids = Set(rules.map(\.id))
        let aliases = RuleAliases(rules.map(\.description))
        self.init(names: (ids.map(\.rawValue) + aliases.canonical.keys.map(\.rawValue)).sorted()) { typed in
            let id = aliases.resolve(RuleID(rawValue: typed.lowercased()))
            return ids.contains(id) ? id : nil
        }
    }

    /// The known rule `typed` names, or nil.
    public func resolve(_ typed: String) -> RuleID? { lookup(typed) }

    /// ` (did you mean `x`?)` for a name that is close to a known one, else "".
    public func didYouMean(_ typed: String) -> String { Suggestion.didYouMean(typed, among: names) }
}
