import Foundation
import Testing
import Lint
import Rules
import SQLSource

/// The PL/pgSQL check on real bodies: the repository's dumps and migrations
/// hold functions PostgreSQL created, so none may be reported; and the
/// line PostgreSQL names maps to the file's line however the body is quoted.
@Suite struct PLpgSQLBodyTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["Tests/Fixtures/pgdump/rich-schema.sql", "Tests/Fixtures/conventions/flyway__V2__invoice_audit_trigger.sql",
                      "Tests/Fixtures/real/pg_dump__fleet__schema.sql", "Tests/Fixtures/real/django__fleet__0004_host_touch_trigger.sql",
                      "app_migrations/schema.sql"])
    func realBodiesCompile(path: String) throws {
        let document = SQLDocument(try SourceFile.read(path: Self.repository.appendingPathComponent(path).path))
        let bodies = document.statements.filter { s in
            guard let node = s.node, let body = node.doBlock ?? node.createFunction?.body else { return false }
            return body.language == "plpgsql"
        }
        #expect(!bodies.isEmpty, "\(path) holds no PL/pgSQL body any more")
        let found = Linter(rules: RuleRegistry.all).lint(document).filter { $0.ruleID == .plpgsqlSyntaxError }
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test func singleQuotedBodyPointsAtItsLine() throws {
        let sql = "SELECT 1;\nCREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS '\nBEGIN\n  RAISE NOTICE ''%% done'', 1;\nEND';"
        let found = Linter(rules: RuleRegistry.all).lint(try SQLDocument(path: "m.sql", text: sql)).filter { $0.ruleID == .plpgsqlSyntaxError }
        #expect(found.map(\.start) == [SourceLocation(line: 4, column: 3)], "\(found.map(\.message))")
        #expect(found.first?.message.contains("too many parameters specified for RAISE") == true)
    }

    @Test func failureNamesTheBodyLine() {
        let failure = PLpgSQL.check("DO $$\nBEGIN\n\n  RAISE NOTICE '%%', 1;\nEND $$")
        #expect(failure?.message == "too many parameters specified for RAISE")
        #expect(failure?.bodyLine == 4)
        #expect(PLpgSQL.check("DO $$ BEGIN RAISE NOTICE '%', 1; END $$") == nil)
    }
}
