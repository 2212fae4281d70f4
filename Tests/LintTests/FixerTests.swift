import Testing
@testable import Lint
import Rules
import SQLSource

@Suite struct FixerTests {
    func fixed(_ sql: String) throws -> String {
        let document = try SQLDocument(text: sql)
        let findings = Linter(rules: RuleRegistry.all).lint(document)
        return String(decoding: Fixer.apply(findings, to: document.file.bytes), as: UTF8.self)
    }

    @Test func removesLogLinesAndAlembicVersionStatements() throws {
        let sql = """
        INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
        INFO  [alembic.runtime.migration] Running upgrade a -> b, x
        BEGIN;

        ALTER TABLE hbi.hosts ADD COLUMN tags_alt JSONB;

        UPDATE hbi.alembic_version SET version_num='b' WHERE hbi.alembic_version.version_num = 'a';

        COMMIT;

        """
        let expected = "BEGIN;\n\nALTER TABLE hbi.hosts ADD COLUMN tags_alt JSONB;\n\n\nCOMMIT;\n"
        let result = try fixed(sql)
        #expect(result == expected)
        let findings = Linter(rules: RuleRegistry.all).lint(try SQLDocument(text: result))
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func leavesOtherStatementsOnTheSameLine() throws {
        #expect(try fixed("SELECT 1; DELETE FROM alembic_version; SELECT 2;\n") == "SELECT 1;  SELECT 2;\n")
    }

    @Test func cleanFileIsUnchanged() throws {
        let sql = "BEGIN;\nSELECT 1;\nCOMMIT;\n"
        #expect(try fixed(sql) == sql)
    }
}
