import Testing
@testable import Lint
import Rules
import SQLSource

/// A fact is kept only while the engine has its statement open.
@Suite struct StatementFactsTests {
    struct Count { let value: Int }

    @Test func aFactIsWorkedOutOncePerOpenStatement() throws {
        let document = try SQLDocument(text: "SELECT 1; SELECT 2;")
        let facts = StatementFacts()
        var computed = 0
        func ask(_ statement: Statement) -> Int {
            facts.value(statement) { () -> Count in computed += 1; return Count(value: statement.index) }.value
        }
        let first = document.statements[0], second = document.statements[1]
        #expect(ask(first) == 0 && ask(first) == 0 && computed == 2, "not open: worked out at each ask")
        facts.begin(first)
        #expect(ask(first) == 0 && ask(first) == 0 && computed == 3)
        #expect(ask(second) == 1 && computed == 4, "another statement is not the open one")
        facts.end()
        facts.begin(second)
        #expect(ask(second) == 1 && ask(second) == 1 && computed == 5, "a new statement starts afresh")
        facts.end()
        #expect(ask(second) == 1 && computed == 6)
    }

    @Test func conventionRulesFindTheSameThroughTheEngineAsAlone() throws {
        // The engine opens each statement; a rule asked with it closed works its facts out itself.
        let document = try SQLDocument(text: "CREATE TABLE t (a varchar(10), b int, c char(2), d timestamp, e serial, f smallint);\nALTER TABLE t ADD COLUMN g varchar(5), ALTER COLUMN b TYPE int;\n")
        let linter = Linter(rules: RuleRegistry.all)
        let conventions = Set(linter.rules.filter { $0.description.category == .conventions }.map(\.id))
        let walked = linter.lint(document).filter { conventions.contains($0.ruleID) }.map { "\($0.ruleID) \($0.range) \($0.message)" }
        var alone: [String] = []
        linter.walk(document) { statement, context in
            context.facts.end()
            for rule in linter.rules where conventions.contains(rule.id) {
                alone += rule.check(statement, in: context).map { "\(rule.id) \($0.range) \($0.message)" }
            }
        }
        #expect(walked.count >= 6)
        #expect(walked.sorted() == alone.sorted())
    }
}
