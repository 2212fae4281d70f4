/// `--select`, `--extend-select` and `--ignore`, as ruff has them, applied on
/// top of the configuration: `select` replaces the enabled set (and can turn
/// on a rule that is off by default or under `rules:`), `extendSelect` adds
/// to it, `ignore` removes from it and wins over both. Each names a rule
/// (through the registry's lookup, so aliases too) or a category.
public struct RuleSelection: Sendable, Equatable {
    public var select: [String] = []
    public var extendSelect: [String] = []
    public var ignore: [String] = []

    public init(select: [String] = [], extendSelect: [String] = [], ignore: [String] = []) {
        self.select = select
        self.extendSelect = extendSelect
        self.ignore = ignore
    }

    public var isEmpty: Bool { select.isEmpty && extendSelect.isEmpty && ignore.isEmpty }

    /// `configuration` with the selection written into its rule settings:
    /// `off` for every rule the selection leaves out, the rule's own
    /// severity (the configured one, else its default) for every rule it
    /// keeps. An unknown name throws, with the nearest known one.
    public func applied(to configuration: Configuration, rules: [any Rule], resolver: RuleResolver) throws(SelectionError) -> Configuration {
        guard !isEmpty else { return configuration }
        let selected = try matches(select, "--select", rules, resolver)
        let extended = try matches(extendSelect, "--extend-select", rules, resolver)
        let ignored = try matches(ignore, "--ignore", rules, resolver)
        var result = configuration
        for rule in rules {
            let before = Linter.isEnabled(rule, in: configuration)
            let after = ((select.isEmpty ? before : selected.contains(rule.id)) || extended.contains(rule.id)) && !ignored.contains(rule.id)
            if !after {
                result.ruleSettings[rule.id] = .off
            } else if !before {
                // Turned on here: at the default severity; a rule that is off by default needs it said.
                result.ruleSettings[rule.id] = rule.description.isEnabledByDefault ? nil : Configuration.RuleSetting(rawValue: rule.description.defaultSeverity.rawValue)
            }
        }
        return result
    }

    private func matches(_ names: [String], _ option: String, _ rules: [any Rule], _ resolver: RuleResolver) throws(SelectionError) -> Set<RuleID> {
        var ids: Set<RuleID> = []
        for name in names {
            if let category = RuleCategory(rawValue: name.lowercased()) {
                ids.formUnion(rules.filter { $0.description.category == category }.map(\.id))
            } else if let id = resolver.resolve(name) {
                ids.insert(id)
            } else {
                let candidates = resolver.names + RuleCategory.allCases.map(\.rawValue)
                throw SelectionError(description: "\(option): `\(name)` is neither a rule nor a category\(Suggestion.didYouMean(name, among: candidates)); `replint rules` lists them")
            }
        }
        return ids
    }
}

public struct SelectionError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
