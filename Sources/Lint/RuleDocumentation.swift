/// The Markdown page of a rule, generated from its metadata: `rules/ID.md`
/// and `replint explain ID` print the same text.
public enum RuleDocumentation {
    public static func page(_ d: RuleDescription) -> String {
        var out = """
        # \(d.id)

        **\(d.name)** · category `\(d.category.rawValue)` · default severity `\(d.defaultSeverity.rawValue)`\(d.isEnabledByDefault ? "" : " · off unless `rules:` turns it on")

        \(d.summary)
        \(aliasLine(d))
        ## Why

        \(d.rationale)

        ## Instead

        \(d.safeAlternative)

        """
        for note in d.notes {
            out += "\n## \(note.title)\n\n\(note.body)\n"
        }
        out += "\n## Reported\n"
        for example in d.triggeringExamples { out += block(example, marked: true) }
        out += "\n## Not reported\n"
        for example in d.nonTriggeringExamples { out += block(example, marked: false) }
        out += "\n---\nGenerated from the rule's metadata (`make rules-docs`); `replint explain \(d.id)` prints this page.\n"
        return out
    }

    /// The other ids the rule answers to, as a paragraph, or nothing.
    private static func aliasLine(_ d: RuleDescription) -> String {
        guard !d.aliases.isEmpty else { return "" }
        let ids = d.aliases.map { "`\($0)`" }.joined(separator: ", ")
        return "\nAlso answers to \(ids) (squawk's ids) in suppressions, `rules:` and `replint explain`.\n"
    }

    /// `rules/README.md`: one line per rule.
    public static func index(_ descriptions: [RuleDescription]) -> String {
        var out = "# Rules\n\n| id | category | severity | summary |\n|---|---|---|---|\n"
        for d in descriptions.sorted(by: { ($0.category.rawValue, $0.id) < ($1.category.rawValue, $1.id) }) {
            let severity = d.isEnabledByDefault ? d.defaultSeverity.rawValue : "off (\(d.defaultSeverity.rawValue) when on)"
            out += "| [`\(d.id)`](\(d.id).md) | \(d.category.rawValue) | \(severity) | \(d.summary) |\n"
        }
        return out + "\nGenerated from the rules' metadata (`make rules-docs`).\n"
    }

    private static func block(_ example: RuleExample, marked: Bool) -> String {
        var out = "\n"
        if let note = example.note { out += "\(note):\n\n" }
        if let version = example.postgresVersion { out += "With `postgres_version: \(version)`:\n\n" }
        if let tables = example.replicatedTables {
            out += "With `replication.tables: [\(tables.joined(separator: ", "))]`"
            out += example.baseline == nil ? ":\n\n" : " and this baseline:\n\n"
        } else if example.subscriberBaseline != nil {
            out += "With this baseline on the publisher:\n\n"
        } else if example.baseline != nil {
            out += "With this baseline:\n\n"
        }
        if let baseline = example.baseline {
            out += "```sql\n\(baseline.hasSuffix("\n") ? baseline : baseline + "\n")```\n\n"
            if let subscriber = example.subscriberBaseline {
                out += "this one on the subscriber:\n\n```sql\n\(subscriber.hasSuffix("\n") ? subscriber : subscriber + "\n")```\n\n"
            }
            out += "the migration:\n\n"
        }
        let sql = marked ? example.sql : example.unmarked.sql
        return out + "```sql\n\(sql.hasSuffix("\n") ? sql : sql + "\n")```\n"
    }
}
