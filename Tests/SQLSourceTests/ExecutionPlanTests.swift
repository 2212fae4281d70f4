import Testing
import SQLSource

@Suite struct ExecutionPlanTests {
    func plan(_ sql: String) throws -> ExecutionPlan { try ExecutionPlan(try SQLDocument(text: sql)) }
    func shape(_ plan: ExecutionPlan) -> [String] {
        plan.steps.map { ($0.isTransaction ? "tx:" : "auto:") + $0.statements.map(\.head).joined(separator: "|") }
    }

    @Test func fileWithoutTransactionControlIsOneTransaction() throws {
        let p = try plan("ALTER TABLE t ADD COLUMN a int;\nSELECT 1;")
        #expect(shape(p) == ["tx:ALTER TABLE t ADD COLUMN a int|SELECT 1"])
        #expect(!p.appliesInParts)
    }

    @Test func alembicWrapperIsTheTransactionAndIsNotSent() throws {
        let p = try plan("BEGIN;\nALTER TABLE t ADD COLUMN a int;\nCOMMIT;\n")
        #expect(shape(p) == ["tx:ALTER TABLE t ADD COLUMN a int"])
        #expect(p.transactionControl.count == 2)
    }

    @Test func autocommitBlockRunsOutsideTheTransaction() throws {
        let p = try plan("BEGIN;\nALTER TABLE t ADD COLUMN a int;\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON t (a);\n;\nBEGIN;\nUPDATE t SET a = 1;\nCOMMIT;\n")
        #expect(shape(p) == ["tx:ALTER TABLE t ADD COLUMN a int", "auto:CREATE INDEX CONCURRENTLY i ON t (a)", "tx:UPDATE t SET a = 1"])
        #expect(p.appliesInParts)
    }

    @Test func concurrentIndexInsideTheTransactionIsRefusedWithTheBlockForm() throws {
        do {
            _ = try plan("BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;")
            Issue.record("accepted")
        } catch {
            let text = "\(error)"
            #expect(text.contains("line 2"))
            #expect(text.contains("COMMIT;\nCREATE INDEX CONCURRENTLY i ON t (a);\nBEGIN;"))
        }
    }

    @Test(arguments: ["VACUUM t", "REINDEX INDEX CONCURRENTLY i", "DROP INDEX CONCURRENTLY i", "ALTER TABLE p DETACH PARTITION c CONCURRENTLY", "CREATE DATABASE d", "REINDEX SCHEMA s"])
    func otherStatementsThatNeedAnAutocommitBlock(sql: String) throws {
        #expect(throws: ExecutionPlan.PlanError.self) { try plan(sql) }
        #expect(try plan("BEGIN; SELECT 1; COMMIT; \(sql); BEGIN; COMMIT;").appliesInParts)
    }

    @Test(arguments: ["ANALYZE t", "REINDEX INDEX i", "CREATE INDEX i ON t (a)", "DROP INDEX i", "CLUSTER t USING i"])
    func statementsThatRunInATransaction(sql: String) throws {
        #expect(try !plan(sql).appliesInParts)
    }

    @Test func rollbackAndSavepointsAreRefused() {
        #expect(throws: ExecutionPlan.PlanError.self) { try plan("BEGIN; SELECT 1; ROLLBACK;") }
        #expect(throws: ExecutionPlan.PlanError.self) { try plan("BEGIN; SAVEPOINT a; COMMIT;") }
    }
}
