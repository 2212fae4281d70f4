import Testing
import Lint
import Rules
import SQLSource
import Schema

/// Runs every rule's examples: triggering ones must be reported exactly at
/// their `↓` markers, non-triggering ones not at all.
@Suite struct RuleExampleTests {
    static let rules = RuleRegistry.all.map { RuleBox(rule: $0) }

    struct RuleBox: CustomTestStringConvertible, Sendable {
        let rule: any Rule
        var testDescription: String { rule.id.rawValue }
    }

    func findings(_ rule: any Rule, _ example: RuleExample, _ sql: String) throws -> (SQLDocument, [Finding]) {
        let document = try SQLDocument(path: "example.sql", text: sql)
        var configuration = Configuration()
        configuration.replicatedTables = example.replicatedTables
        if let version = example.postgresVersion { configuration.postgresVersion = version }
        // A rule that is off by default shows its examples turned on, as its page does.
        if !rule.description.isEnabledByDefault {
            configuration.ruleSettings[rule.id] = Configuration.RuleSetting(rawValue: rule.description.defaultSeverity.rawValue)
        }
        // Every rule runs, as in a real lint, so suppressions and "one cause,
        // one finding" behave as they do for users; only this rule's findings count.
        var linter = Linter(rules: RuleRegistry.all, configuration: configuration)
        linter.schemaStrict = true
        if let baseline = example.baseline {
            let loaded = try Baselines.fromSQL(baseline, subscriber: example.subscriberBaseline)
            #expect(loaded.syntaxErrors.isEmpty, "\(rule.id): the example's baseline does not parse")
            linter.baselines = loaded
        }
        return (document, linter.lint(document).filter { $0.ruleID == rule.id })
    }

    @Test(arguments: rules)
    func hasExamples(box: RuleBox) {
        #expect(!box.rule.description.triggeringExamples.isEmpty, "\(box.rule.id) has no triggering example")
        #expect(!box.rule.description.nonTriggeringExamples.isEmpty, "\(box.rule.id) has no non-triggering example")
    }

    @Test(arguments: rules)
    func triggeringExamplesAreReportedAtTheirMarkers(box: RuleBox) throws {
        for example in box.rule.description.triggeringExamples {
            let (sql, offsets) = example.unmarked
            #expect(!offsets.isEmpty, "\(box.rule.id): a triggering example has no ↓ marker:\n\(example.sql)")
            let (document, found) = try findings(box.rule, example, sql)
            let expected = offsets.map { document.file.location(of: $0) }
            #expect(found.map(\.start) == expected, "\(box.rule.id):\n\(example.sql)\nreported at \(found.map(\.start)) with \(found.map(\.message))")
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesAreQuiet(box: RuleBox) throws {
        for example in box.rule.description.nonTriggeringExamples {
            let (_, found) = try findings(box.rule, example, example.unmarked.sql)
            #expect(found.isEmpty, "\(box.rule.id) reported a non-triggering example:\n\(example.sql)\n\(found.map(\.message))")
        }
    }

    /// Replication rules carry at least three of each, as their issue asks.
    @Test func replicationRulesHaveThreeExamplesEachWay() {
        for rule in RuleRegistry.all where rule.description.category == .replication {
            #expect(rule.description.triggeringExamples.count >= 3, "\(rule.id)")
            #expect(rule.description.nonTriggeringExamples.count >= 3, "\(rule.id)")
            #expect(rule.description.notes.map(\.title) == ["Apply order", "What PostgreSQL says", "Documentation"], "\(rule.id)")
        }
    }

    @Test func idsAreUniqueAndKebabCase() {
        let ids = RuleRegistry.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids.map(\.rawValue) {
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id) is not kebab-case")
        }
    }
}
