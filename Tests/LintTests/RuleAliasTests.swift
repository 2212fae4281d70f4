import Testing
import Lint
import Rules
import SQLSource
#if canImport(Glibc)
import Glibc
#endif

/// squawk's ids name replint's rules wherever users write a rule id.
@Suite struct RuleAliasTests {
    let uncommitted = "BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN x int;\n"

    func found(_ sql: String, _ config: Configuration = Configuration()) throws -> [RuleID] {
        Linter(rules: RuleRegistry.all, configuration: config).lint(try SQLDocument(text: sql)).map(\.ruleID)
    }

    @Test func theRuleItselfReportsUnderItsOwnId() throws {
        #expect(try found(uncommitted).contains(.transactionControl))
    }

    @Test func aSuppressionMayNameTheRuleByAnAlias() throws {
        for alias in ["ban-uncommitted-transaction", "transaction-nesting", "ban-concurrent-index-creation-in-transaction"] {
            let ids = try found("-- replint-ignore \(alias) kept open on purpose\n" + uncommitted)
            #expect(!ids.contains(.transactionControl), "\(alias)")
            #expect(!ids.contains("unused-suppression"), "\(alias)")
        }
    }

    @Test func anAliasThatSilencesNothingIsReported() throws {
        let ids = try found("-- replint-ignore transaction-nesting nothing nests here\nSELECT 1;")
        #expect(ids == ["unused-suppression"])
    }

    @Test func rulesConfigurationAcceptsAnAlias() throws {
        var template = Array("/tmp/replint-alias-XXXXXX".utf8CString)
        let dir = String(cString: mkdtemp(&template))
        let path = dir + "/.replint.yml"
        let f = fopen(path, "w")!
        fputs("rules: {Transaction-Nesting: off}\n", f)
        fclose(f)
        defer { unlink(path); rmdir(dir) }
        let config = try ConfigurationLoader.load(path: path, knownRules: RuleRegistry.ids, aliases: RuleRegistry.aliases)
        #expect(config.ruleSettings == [.transactionControl: .off])
        #expect(try !found(uncommitted, config).contains(.transactionControl))
    }

    @Test func explainFindsTheRuleByAnAlias() {
        #expect(RuleRegistry.rule("ban-uncommitted-transaction")?.id == .transactionControl)
        #expect(RuleRegistry.rule("no-such-rule") == nil)
    }

    @Test func anAliasIsNeverAnotherRulesIdNorTwoRulesAlias() {
        let aliases = RuleRegistry.all.flatMap(\.description.aliases)
        #expect(Set(aliases).count == aliases.count)
        #expect(RuleRegistry.ids.isDisjoint(with: aliases))
    }

    @Test func thePageNamesTheAliases() throws {
        let page = RuleDocumentation.page(try #require(RuleRegistry.rule(.transactionControl)).description)
        #expect(page.contains("`transaction-nesting`"))
    }
}
