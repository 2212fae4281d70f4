import Testing
@testable import SQLSource

@Suite struct LogOutputTests {
    func blocks(_ text: String) throws -> [LogBlock] { try SQLDocument(text: text).logBlocks }

    @Test func alembicDefaultFormat() throws {
        let doc = try SQLDocument(text: "INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.\nINFO  [alembic.runtime.migration] Running upgrade a -> b, it's a \"quote\n\nBEGIN;\nCOMMIT;\n")
        #expect(doc.logBlocks.count == 1)
        #expect(doc.logBlocks[0].lineCount == 2)
        #expect(doc.statements.count == 2)
        #expect(doc.statements.allSatisfy { $0.failure == nil })
    }

    @Test(arguments: [
        "[2025-02-28 04:07:44,763] [2292016] [139688440621440] [inventory.app.config] [INFO] DB Name: insights",
        "2025-02-28 04:07:44,763 INFO sqlalchemy.engine.Engine select pg_catalog.version()",
        "WARNING: something odd; carry on",
        "ERROR - could not import module",
        "Unable to configure Watchtower logging.",
        "Traceback (most recent call last):",
        "{\"level\": \"info\", \"msg\": \"started\"}",
        "  File \"/app/env.py\", line 3, in <module>",
    ])
    func recognisedByShape(line: String) throws {
        let doc = try SQLDocument(text: "\(line)\nSELECT 1;\n")
        #expect(doc.logBlocks.count == 1)
        #expect(doc.statements.map(\.text) == ["SELECT 1"])
        #expect(doc.statements[0].failure == nil)
    }

    @Test(arguments: [
        "SELECT 1;",
        "select\n  1;",
        "-- INFO  [alembic] a comment",
        "(SELECT 1);",
        "asdf;",
        "WITH x AS (SELECT 1) SELECT * FROM x;",
    ])
    func sqlIsNeverLogOutput(sql: String) throws {
        #expect(try blocks(sql).isEmpty)
    }

    @Test func neverInsideAStatementStringCommentOrBody() throws {
        let sql = """
        SELECT 'line one
        INFO  [alembic] inside a string';
        /*
        INFO  [alembic] inside a comment
        */
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $body$
        INFO  [alembic] inside a body
        $body$;
        SELECT 1,
        [not a log line, inside a statement]
        """
        let doc = try SQLDocument(text: sql)
        #expect(doc.logBlocks.isEmpty)
        #expect(doc.statements.count == 3)
        #expect(doc.statements[2].failure != nil)
    }

    @Test func continuationLinesJoinTheirRecord() throws {
        let sql = "INFO  [alembic.runtime.migration] Running upgrade a -> b, create groups table\nand the association table\nsemicolons; too\nBEGIN;\n"
        let found = try blocks(sql)
        #expect(found.count == 1)
        #expect(found[0].lineCount == 3)
    }

    @Test func blankingKeepsEveryOffset() throws {
        let sql = "INFO  [x] é ü\nSELECT x FROM;\n"
        let doc = try SQLDocument(text: sql)
        let failure = try #require(doc.statements.first?.failure)
        #expect(doc.file.location(of: failure.offset) == SourceLocation(line: 2, column: 14))
    }

    @Test(arguments: [
        ("Using database URL postgresql://inventory:s3cr3t@db:5432/insights", true),
        ("connecting with password=hunter2 host=db", true),
        ("Using database URL postgresql://inventory@db:5432/insights", false),
        ("DB Name: insights", false),
        ("password=*** (redacted)", false),
    ])
    func passwordsAreNoticed(line: String, expected: Bool) {
        #expect(LogShape.carriesPassword(Array(line.utf8)[...]) == expected)
    }
}
