import SQLSource
import Testing
@testable import Rehearsals

/// The single-database rehearsal's pieces that need no server.
@Suite struct RehearsalUnitTests {
    @Test func decodesPostgresTextFormatEscapes() throws {
        let data = Array("a\\tb\t\\N\t\\\\x\t\\101\\x42\t\n\\.\n".utf8)
        let copy = try CopyTextData(statement: "COPY s.t (a, b, c, d, e) FROM stdin", data: data[...])
        #expect(copy.target == "s.t (a, b, c, d, e)")
        #expect(copy.rows == [["a\tb", nil, "\\x", "AB", ""]])
        #expect(throws: CopyTextData.DecodeError.self) {
            try CopyTextData(statement: "COPY s.t FROM stdin WITH (FORMAT csv)", data: data[...])
        }
    }

    @Test func inTransactionFormsDropConcurrentlyOnly() throws {
        func form(_ sql: String) throws -> String? {
            try InTransactionForm.of(try #require(SQLDocument(text: sql).statements.first))
        }
        #expect(try form("CREATE INDEX CONCURRENTLY i ON t (a)") == "CREATE INDEX i ON t (a)")
        #expect(try form("DROP INDEX concurrently IF EXISTS i") == "DROP INDEX IF EXISTS i")
        #expect(try form("REINDEX INDEX CONCURRENTLY i") == "REINDEX INDEX i")
        #expect(try form("CREATE INDEX CONCURRENTLY \"concurrently\" ON t (a)") == "CREATE INDEX \"concurrently\" ON t (a)")
        #expect(try form("VACUUM t") == nil)
        #expect(try form("CREATE INDEX i ON t (a)") == nil)
    }
}
