import Lint
import SQLSource
import Testing
@testable import Schema

/// The engine shows each rule the catalogue as it is just before the statement.
struct LinterCatalogTests {
    /// Records, for each statement, what the context's catalogues said.
    final class Probe: Rule, @unchecked Sendable {
        var seen: [(statement: String, columns: [String], subscriberColumns: [String], searchPath: [String], hasBaseline: Bool)] = []

        let description = RuleDescription(
            id: "catalog-probe", name: "Catalog probe", category: .conventions, defaultSeverity: .info,
            summary: "Test probe.", rationale: "Test probe.", safeAlternative: "None.",
            triggeringExamples: [], nonTriggeringExamples: [])

        func check(_ statement: Statement, in context: LintContext) -> [Violation] {
            let table = context.publisherCatalog.table(named: "hosts", searchPath: context.searchPath)
            let subscriber = context.subscriberCatalog.table(named: "hosts", searchPath: context.searchPath)
            seen.append((statement.head, table?.columns.map(\.name) ?? [], subscriber?.columns.map(\.name) ?? [],
                         context.searchPath, context.hasBaseline))
            return []
        }
    }

    @Test func rulesSeeTheModelBeforeTheirStatement() throws {
        let probe = Probe()
        var linter = Linter(rules: [probe])
        let baseline = BaselineLoader.load(
            documents: [try SQLDocument(path: "base.sql", text: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int);")],
            searchPath: ["public"])
        let subscriber = BaselineLoader.load(
            documents: [try SQLDocument(path: "sub.sql", text: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int, extra int);")],
            searchPath: ["public"])
        linter.baselines = Baselines(publisher: baseline, subscriber: subscriber, isShared: false,
                                     publisherPaths: ["base.sql"], subscriberPaths: ["sub.sql"])
        let migration = """
            SET search_path TO hbi;
            ALTER TABLE hosts ADD COLUMN a int;
            ALTER TABLE hosts ADD COLUMN b int;
            """
        _ = linter.lint(try SQLDocument(path: "m.sql", text: migration))
        _ = linter.lint(try SQLDocument(path: "n.sql", text: "SELECT 1;"))
        #expect(probe.seen.map(\.columns) == [[], ["id"], ["id", "a"], []])
        #expect(probe.seen.map(\.subscriberColumns) == [[], ["id", "extra"], ["id", "extra", "a"], []])
        #expect(probe.seen.map(\.searchPath) == [["public"], ["hbi"], ["hbi"], ["public"]], "each file starts from the configured search_path")
        #expect(probe.seen.allSatisfy { $0.hasBaseline })
    }

    @Test func withoutABaselineTheModelHoldsWhatTheFileCreated() throws {
        let probe = Probe()
        let linter = Linter(rules: [probe])
        _ = linter.lint(try SQLDocument(path: "m.sql", text: "CREATE TABLE hosts (id int);\nALTER TABLE hosts ADD COLUMN a int;\nSELECT 1;"))
        #expect(probe.seen.map(\.columns) == [[], ["id"], ["id", "a"]])
        #expect(probe.seen.allSatisfy { !$0.hasBaseline })
    }
}
