import Testing
import Lint
import Rules
import Schema
import SQLSource

/// Which tables existed before the file: the ones lock findings are about.
@Suite struct CreatedRelationsTests {
    /// For each CREATE INDEX, ALTER TABLE and RENAME, whether its table existed before the file.
    func existed(_ sql: String, baseline: String? = nil) throws -> [Bool] {
        var linter = Linter(rules: RuleRegistry.all)
        if let baseline { linter.baselines = try Baselines.fromSQL(baseline) }
        var out: [Bool] = []
        linter.walk(try SQLDocument(text: sql)) { statement, context in
            guard let node = statement.node,
                  let relation = node.createIndex?.relation ?? node.alterTable?.relation ?? node.rename?.relation else { return }
            out.append(context.existedBeforeFile(relation))
        }
        return out
    }

    @Test func aTableTheFileCreatedDidNotExist() throws {
        #expect(try existed("CREATE TABLE t (a int);\nCREATE INDEX ON t (a);\nCREATE INDEX ON other (a);") == [false, true])
    }

    @Test func createTableAsAndSelectIntoCreateTables() throws {
        let sql = "CREATE TABLE hbi.c AS SELECT 1 AS a;\nSELECT 1 AS a INTO s;\nCREATE INDEX ON hbi.c (a);\nCREATE INDEX ON s (a);"
        #expect(try existed(sql) == [false, false])
    }

    @Test func schemaQualifiedAndQuotedNamesResolve() throws {
        let sql = """
        CREATE TABLE hbi."Mixed Case" (a int);
        CREATE INDEX ON hbi."Mixed Case" (a);
        CREATE INDEX ON hbi.mixed_case (a);
        SET search_path TO hbi;
        CREATE INDEX ON "Mixed Case" (a);
        """
        #expect(try existed(sql) == [false, true, false])
    }

    @Test func renamesAndDropsAreFollowed() throws {
        let sql = """
        CREATE TABLE t (a int);
        ALTER TABLE t RENAME TO u;
        CREATE INDEX ON u (a);
        DROP TABLE u;
        CREATE INDEX ON u (a);
        """
        #expect(try existed(sql) == [false, false, true])
    }

    @Test func withABaselineOnlyKnownTablesExisted() throws {
        let baseline = "CREATE SCHEMA hbi;\nCREATE TABLE hbi.hosts (id int);"
        let sql = "CREATE INDEX ON hbi.hosts (id);\nCREATE INDEX ON hbi.unknown (id);\nALTER TABLE hbi.hosts RENAME TO machines;\nCREATE INDEX ON hbi.machines (id);"
        #expect(try existed(sql, baseline: baseline) == [true, false, true, true])
    }
}
