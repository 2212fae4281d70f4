import Testing
@testable import PGClient
import PGServers
import PGTestSupport

@Suite struct QuotingTests {
    @Test func literalsAndIdentifiersHaveTheExpectedText() {
        #expect(Connection.quoteLiteral("it's") == "'it''s'")
        #expect(Connection.quoteLiteral(#"a\b"#) == #"E'a\\b'"#)
        #expect(Connection.quoteIdentifier(#"My "Table""#) == #""My ""Table""""#)
        #expect(Connection.quoteConninfoValue(#"/tmp/a b'c\d"#) == #"'/tmp/a b\'c\\d'"#)
    }
}

/// Quoting checked against a real server.
@Suite(.serialized)
struct QuotingOnAServerTests {
    /// The server must read back exactly what was quoted, including a quote
    /// followed by a combining mark (one Swift Character, two scalars).
    @Test func theServerReadsQuotedTextBackUnchanged() throws {
        let awkward = ["it's", #"back\slash"#, "'\u{301}; DROP TABLE x; --", #"\'"#, "ünï \"q\" $$"]
        try withCluster { cluster in
            let connection = try cluster.connect()
            for text in awkward {
                #expect(try connection.execute("SELECT \(Connection.quoteLiteral(text))").rows == [[text]])
                let table = Connection.quoteIdentifier(text)
                try connection.execute("CREATE TABLE \(table) (\(Connection.quoteIdentifier(text + "col")) int)")
                let found = try connection.execute(
                    "SELECT attname FROM pg_attribute WHERE attrelid = \(Connection.quoteLiteral(table))::regclass AND attnum = 1")
                #expect(found.rows == [[text + "col"]])
            }
        }
    }
}
