import Foundation
import Testing
import Lint
import Rules
import SQLSource

/// `replint plan --format json` is read by tools, which need the statements whole.
@Suite struct MigrationPlanJSONTests {
    @Test func statementsAreWholeHowEverLong() throws {
        let long = "ALTER TABLE hosts ADD COLUMN a_rather_long_column_name_for_the_plan text DEFAULT 'a value that goes on'"
        let document = try SQLDocument(path: "m.sql", text: "BEGIN;\n\(long);\nCOMMIT;\n")
        let json = MigrationPlanner.plan(document, linter: Linter(rules: RuleRegistry.all)).json()
        let root = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let statements = try #require(root["statements"] as? [[String: Any]])
        #expect(statements.map { $0["statement"] as? String } == [long])
        #expect(statements.first?["line"] as? Int == 2)
        let head = try #require(statements.first?["head"] as? String)
        #expect(head.count < long.count && head.hasSuffix("..."))
    }
}
