import Testing
@testable import Lint
import Rules
import SQLSource

@Suite struct FixerTests {
    func fixed(_ sql: String) throws -> String {
        let document = try SQLDocument(text: sql)
        let findings = Linter(rules: RuleRegistry.all).lint(document)
        return String(decoding: Fixer.fix(document, findings: findings).bytes, as: UTF8.self)
    }

    func transactionControl(_ sql: String) throws -> [String] {
        Linter(rules: RuleRegistry.all).lint(try SQLDocument(text: sql)).filter { $0.ruleID == "transaction-control" }.map(\.message)
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

    @Test func anEmptiedPairBetweenTransactionsGoes() throws {
        let sql = """
        BEGIN;
        CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON hbi.hosts (org_id);
        COMMIT;
        BEGIN;
        UPDATE hbi.alembic_version SET version_num='b' WHERE hbi.alembic_version.version_num = 'a';
        COMMIT;
        BEGIN;
        ALTER TABLE hbi.hosts ADD COLUMN x int;
        COMMIT;

        """
        let document = try SQLDocument(text: sql)
        let result = Fixer.fix(document, findings: Linter(rules: RuleRegistry.all).lint(document))
        #expect(result.removedEmptyTransactions == 1)
        #expect(result.fixedFindings == 1)
        let text = String(decoding: result.bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "BEGIN;").count == 3, "\(text)")
        #expect(try transactionControl(text) == transactionControl(sql))
    }

    @Test func aPairTheShapeNeedsStays() throws {
        let sql = """
        BEGIN;
        ALTER TABLE hbi.hosts ADD COLUMN x int;
        COMMIT;
        CREATE INDEX CONCURRENTLY ix ON hbi.hosts (x);
        BEGIN;
        UPDATE hbi.alembic_version SET version_num='b' WHERE hbi.alembic_version.version_num = 'a';
        COMMIT;

        """
        let text = try fixed(sql)
        #expect(text.hasSuffix("BEGIN;\nCOMMIT;\n"), "\(text)")
        #expect(try transactionControl(text).isEmpty)
    }

    @Test func aPairThatWasEmptyBeforeIsLeftAlone() throws {
        let sql = "BEGIN;\nCOMMIT;\nINFO  [alembic] x y\nBEGIN;\nSELECT 1;\nCOMMIT;\n"
        #expect(try fixed(sql) == "BEGIN;\nCOMMIT;\nBEGIN;\nSELECT 1;\nCOMMIT;\n")
    }

    @Test func aFileOfOnlyAVersionUpdateEndsEmpty() throws {
        let sql = "BEGIN;\n\nUPDATE hbi.alembic_version SET version_num='b' WHERE hbi.alembic_version.version_num = 'a';\n\nCOMMIT;\n"
        #expect(try fixed(sql).allSatisfy(\.isWhitespace))
    }
}
