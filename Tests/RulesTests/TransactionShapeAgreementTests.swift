import Foundation
import Testing
import Lint
import Rules
import SQLSource

/// Lint and the runner read one transaction-shape model: a file the runner
/// refuses (`ExecutionPlan` throws) always has a `transaction-control` error,
/// at the statement the runner names.
@Suite struct TransactionShapeAgreementTests {
    static let refusedInATransaction = [
        "CREATE INDEX CONCURRENTLY ix ON t (a)",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON s.t USING btree (a, b) WHERE a > 0",
        "DROP INDEX CONCURRENTLY IF EXISTS s.ix",
        "REINDEX INDEX CONCURRENTLY ix",
        "REINDEX (CONCURRENTLY) TABLE t",
        "REINDEX (CONCURRENTLY true) TABLE t",
        "REINDEX SCHEMA s",
        "REINDEX DATABASE d",
        "ALTER TABLE p DETACH PARTITION c CONCURRENTLY",
        "VACUUM t",
        "VACUUM FULL t",
        "VACUUM (ANALYZE, VERBOSE) t",
        "CLUSTER",
        "CREATE DATABASE d",
        "DROP DATABASE d",
        "ALTER DATABASE d SET TABLESPACE ts",
        "CREATE TABLESPACE ts LOCATION '/x'",
        "DROP TABLESPACE ts",
        "ALTER SYSTEM SET work_mem = '64MB'",
        "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p",
        "DROP SUBSCRIPTION s",
        "ALTER SUBSCRIPTION s REFRESH PUBLICATION",
        "ALTER SUBSCRIPTION s REFRESH PUBLICATION WITH (copy_data = false)",
        "ALTER SUBSCRIPTION s SET PUBLICATION p",
        "ALTER SUBSCRIPTION s ADD PUBLICATION p WITH (refresh = true)",
        "DISCARD ALL",
    ]

    static let allowedInATransaction = [
        "CREATE INDEX ix ON t (a)",
        "DROP INDEX ix",
        "REINDEX INDEX ix",
        "REINDEX (CONCURRENTLY false) TABLE t",
        "ANALYZE t",
        "CLUSTER t USING ix",
        "ALTER TABLE p DETACH PARTITION c",
        "ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false)",
        "ALTER SUBSCRIPTION s DISABLE",
        "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (connect = false)",
        "DISCARD TEMP",
        "ALTER TYPE e ADD VALUE 'x'",
    ]

    func transactionControl(_ sql: String) throws -> [Finding] {
        let document = try SQLDocument(path: "m.sql", text: sql)
        return Linter(rules: RuleRegistry.all, configuration: Configuration()).lint(document)
            .filter { $0.ruleID == RuleID.transactionControl && $0.severity == .error }
    }

    /// The shapes a statement can stand in: inside the file's transaction
    /// (wrapped or not) and in an autocommit block.
    func shapes(_ statement: String) -> (inside: [String], autocommit: String) {
        (["\(statement);\n",
          "BEGIN;\n\(statement);\nCOMMIT;\n",
          "BEGIN;\nSELECT 1;\n\(statement);\nCOMMIT;\nCREATE INDEX CONCURRENTLY ix2 ON t (b);\nBEGIN;\nCOMMIT;\n"],
         "BEGIN;\nSELECT 1;\nCOMMIT;\n\(statement);\nBEGIN;\nSELECT 2;\nCOMMIT;\n")
    }

    @Test(arguments: refusedInATransaction)
    func refusedInsideTheTransactionAndLintedAsAnError(statement: String) throws {
        let (inside, autocommit) = shapes(statement)
        for sql in inside {
            let document = try SQLDocument(path: "m.sql", text: sql)
            #expect(throws: ExecutionPlan.PlanError.self, "the runner accepted:\n\(sql)") { try ExecutionPlan(document) }
            let found = try transactionControl(sql)
            let line = document.statements.first { $0.text.hasPrefix(statement.prefix(12)) }?.location.line
            #expect(found.contains { $0.start.line == line && $0.message.contains("cannot run inside a transaction block") },
                    "lint did not report the statement the runner refuses:\n\(sql)\n\(found.map(\.message))")
        }
        #expect(try ExecutionPlan(SQLDocument(path: "m.sql", text: autocommit)).appliesInParts)
        #expect(try transactionControl(autocommit).isEmpty, "an autocommit block is alembic's shape:\n\(autocommit)")
    }

    @Test(arguments: allowedInATransaction)
    func allowedInsideTheTransaction(statement: String) throws {
        for sql in shapes(statement).inside {
            #expect(throws: Never.self) { try ExecutionPlan(SQLDocument(path: "m.sql", text: sql)) }
            #expect(try transactionControl(sql).allSatisfy { !$0.message.contains("cannot run inside a transaction block") })
        }
    }

    /// Every shape the runner refuses, whatever the statement, lints as an error.
    @Test(arguments: ["BEGIN; SELECT 1; ROLLBACK;", "BEGIN; SAVEPOINT a; SELECT 1; RELEASE a; COMMIT;",
                      "BEGIN; SELECT 1; ROLLBACK TO a; COMMIT;", "PREPARE TRANSACTION 'x';", "COMMIT PREPARED 'x';"])
    func everyRefusedShapeIsALintError(sql: String) throws {
        #expect(throws: ExecutionPlan.PlanError.self) { try ExecutionPlan(SQLDocument(path: "m.sql", text: sql)) }
        #expect(try !transactionControl(sql).isEmpty)
    }

    /// The repository's fixtures and sample migrations: wherever the runner
    /// refuses one, lint has an error for it too.
    @Test func fixturesAgree() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var checked = 0
        for folder in ["Tests/Fixtures", "app_migrations"] {
            let base = root.appendingPathComponent(folder)
            guard let walk = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let relative as String in walk where relative.hasSuffix(".sql") {
                guard let document = try? SQLDocument(path: relative, text: String(contentsOf: base.appendingPathComponent(relative), encoding: .utf8)) else { continue }
                checked += 1
                guard (try? ExecutionPlan(document)) == nil else { continue }
                let found = Linter(rules: RuleRegistry.all, configuration: Configuration()).lint(document)
                #expect(found.contains { $0.ruleID == RuleID.transactionControl }, "\(relative): refused by the runner, clean for lint")
            }
        }
        #expect(checked > 10)
    }
}
