import SQLSource

/// `replint rules`: one line per rule, or the same as JSON for tools.
public enum RuleListing {
    public static func text(_ rules: [RuleDescription]) -> String {
        let width = rules.map(\.id.rawValue.count).max() ?? 0
        return rules.map { d in
            let severity = d.isEnabledByDefault ? d.defaultSeverity.rawValue : "off"
            return "\(d.id.rawValue.padded(to: width))  \(d.category.rawValue.padded(to: 12))  \(severity.padded(to: 8))  \(d.summary)\n"
        }.joined()
    }

    /// Keys in a stable order (README "JSON output"); rules in registry order.
    public static func json(_ rules: [RuleDescription]) -> JSON {
        .object([
            ("version", .int(1)),
            ("rules", .array(rules.map { d in
                .object([
                    ("id", .string(d.id.rawValue)), ("name", .string(d.name)), ("category", .string(d.category.rawValue)),
                    ("default_severity", .string(d.defaultSeverity.rawValue)), ("summary", .string(d.summary)),
                    ("enabled_by_default", .bool(d.isEnabledByDefault)), ("aliases", .array(d.aliases.map { .string($0.rawValue) })),
                ])
            })),
        ])
    }
}
