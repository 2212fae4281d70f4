import Testing
import Lint
import Rules
import SQLSource

/// An example rule that runs only when turned on.
struct OffByDefaultRule: Rule {
    let description = RuleDescription(
        id: "example-off-by-default", name: "Example", category: .conventions, defaultSeverity: .warning,
        isEnabledByDefault: false, summary: "", rationale: "", safeAlternative: "", triggeringExamples: [], nonTriggeringExamples: [])
    func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        [Violation(range: statement.range, message: "seen")]
    }
}

@Suite struct RuleSelectionTests {
    let rules: [any Rule] = RuleRegistry.all + [OffByDefaultRule()]

    func enabled(_ selection: RuleSelection, _ config: Configuration = Configuration()) throws -> Set<RuleID> {
        let applied = try selection.applied(to: config, rules: rules, resolver: RuleResolver(rules: rules))
        return Set(rules.filter { Linter.isEnabled($0, in: applied) }.map(\.id))
    }

    /// The registry's rules that run without being turned on.
    var defaults: Set<RuleID> { Set(RuleRegistry.all.filter(\.description.isEnabledByDefault).map(\.id)) }

    func inCategory(_ category: RuleCategory) -> Set<RuleID> {
        Set(rules.filter { $0.description.category == category }.map(\.id))
    }

    @Test func nothingSelectedKeepsTheConfiguration() throws {
        #expect(try enabled(RuleSelection()) == defaults)
    }

    @Test func selectReplacesTheSetWithRulesAndCategories() throws {
        #expect(try enabled(RuleSelection(select: ["replication"])) == inCategory(.replication))
        #expect(try enabled(RuleSelection(select: ["syntax-error", "ALEMBIC-LOG-LINE"])) == ["syntax-error", "alembic-log-line"])
    }

    @Test func selectTurnsOnARuleThatIsOffByDefaultOrInTheConfiguration() throws {
        var config = Configuration()
        config.ruleSettings["replication-trigger"] = .off
        let on = try enabled(RuleSelection(select: ["example-off-by-default", "replication-trigger"]), config)
        #expect(on == ["example-off-by-default", "replication-trigger"])
        #expect(try enabled(RuleSelection(extendSelect: ["conventions"]), config) == defaults.subtracting(["replication-trigger"]).union(inCategory(.conventions)))
        #expect(inCategory(.conventions).contains("example-off-by-default"))
    }

    @Test func aRuleTurnedOnRunsAtItsConfiguredOrDefaultSeverity() throws {
        var config = Configuration()
        config.ruleSettings["replication-trigger"] = .info
        let applied = try RuleSelection(select: ["replication"]).applied(to: config, rules: rules, resolver: RuleResolver(rules: rules))
        #expect(applied.ruleSettings["replication-trigger"] == .info)
        #expect(applied.ruleSettings["replication-rename"] == nil)
        let off = try RuleSelection(select: ["example-off-by-default"]).applied(to: config, rules: rules, resolver: RuleResolver(rules: rules))
        #expect(off.ruleSettings["example-off-by-default"] == .warning)
        let linter = Linter(rules: rules, configuration: off)
        #expect(linter.lint(try SQLDocument(text: "SELECT 1;")).map(\.ruleID) == ["example-off-by-default"])
    }

    @Test func anAliasSelectsItsRule() throws {
        let selection = RuleSelection(select: ["transaction-nesting"])
        let applied = try selection.applied(to: Configuration(), rules: RuleRegistry.all, resolver: RuleRegistry.resolver)
        #expect(Set(RuleRegistry.all.filter { Linter.isEnabled($0, in: applied) }.map(\.id)) == ["transaction-control"])
    }

    @Test func ignoreWinsOverSelectAndExtendSelect() throws {
        let selection = RuleSelection(select: ["alembic"], extendSelect: ["replication-rename"], ignore: ["syntax-error", "replication"])
        #expect(try enabled(selection) == inCategory(.alembic).subtracting(["syntax-error"]))
        #expect(try enabled(RuleSelection(ignore: ["conventions"])) == defaults.subtracting(inCategory(.conventions)))
    }

    @Test func anUnknownNameSaysWhichOptionAndTheNearestName() {
        #expect(throws: SelectionError.self) { try enabled(RuleSelection(ignore: ["replicaton"])) }
        let error = #expect(throws: SelectionError.self) { try enabled(RuleSelection(select: ["replication-renam"])) }
        #expect(error?.description == "--select: `replication-renam` is neither a rule nor a category (did you mean `replication-rename`?); `replint rules` lists them")
    }
}
