import Testing
import Lint
import Rules
import SQLSource

@Suite struct SuppressionTests {
    func rules(_ sql: String) throws -> [RuleID] {
        Linter(rules: RuleRegistry.all).lint(try SQLDocument(text: sql)).map(\.ruleID)
    }

    @Test func statementSuppressionCoversOnlyTheNextStatement() throws {
        let sql = """
        -- replint-ignore alembic-version-table kept on purpose
        UPDATE alembic_version SET version_num = 'b';
        DELETE FROM alembic_version;
        """
        #expect(try rules(sql) == ["alembic-version-table"])
    }

    @Test func suppressionMustBeOnTheLineBefore() throws {
        let sql = "-- replint-ignore alembic-version-table too far away\n\nUPDATE alembic_version SET version_num = 'b';"
        #expect(try rules(sql).sorted() == ["alembic-version-table", "unused-suppression"])
    }

    @Test func fileSuppressionCoversEveryStatement() throws {
        let sql = "SELECT 1;\nUPDATE alembic_version SET version_num = 'b';\n-- replint-ignore-file alembic-version-table\nDELETE FROM alembic_version;"
        #expect(try rules(sql).isEmpty)
    }

    @Test func severalIdsInOneComment() throws {
        let sql = "-- replint-ignore alembic-version-table, syntax-error reason here\nUPDATE alembic_version SET version_num = 'b' WHERE;"
        let found = try rules(sql)
        #expect(!found.contains("syntax-error"))
        // The statement does not parse, so alembic-version-table has nothing to say: that id is unused.
        #expect(found == ["unused-suppression"])
    }

    @Test func turningTheRuleOffReportsNothing() throws {
        var config = Configuration()
        config.ruleSettings["unused-suppression"] = .off
        let linter = Linter(rules: RuleRegistry.all, configuration: config)
        let found = linter.lint(try SQLDocument(text: "-- replint-ignore syntax-error\nSELECT 1;"))
        #expect(found.isEmpty)
    }
}
