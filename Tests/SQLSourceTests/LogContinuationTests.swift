import Testing
@testable import SQLSource

/// Inside a log record, a line continues it unless the parser reads it as
/// the start of a statement.
@Suite struct LogContinuationTests {
    let record = "INFO  [alembic.runtime.migration] Running upgrade a -> b, add stale_timestamp column\n"

    @Test(arguments: [
        "Create Date: 2025-07-31 08:21:15.437099",
        "Update the tags of every host",
        "Drop the old table later",
        "Revises: 3dd0804a15a5",
        "(see ticket 1234)",
        "Values 1 and 2 are reserved",
    ])
    func proseThatStartsWithAKeywordContinuesTheRecord(line: String) throws {
        let doc = try SQLDocument(text: record + line + "\n-- Running upgrade a -> b\n\nALTER TABLE hbi.hosts ADD COLUMN x int;\n")
        #expect(doc.logBlocks.count == 1)
        #expect(doc.logBlocks.first?.lineCount == 2)
        #expect(doc.statements.map(\.text) == ["ALTER TABLE hbi.hosts ADD COLUMN x int"])
        #expect(doc.statements.allSatisfy { $0.failure == nil })
    }

    @Test func theDocstringsHeaderLinesAllContinue() throws {
        let text = record + "Revision ID: c5e0a2d81f37\nRevises: 3dd0804a15a5\nCreate Date: 2025-07-31 08:21:15.437099\n"
            + "-- Running upgrade a -> b\n\nCREATE TABLE hbi.t (id int);\n"
        let doc = try SQLDocument(text: text)
        #expect(doc.logBlocks.map(\.lineCount) == [4])
        #expect(doc.statements.count == 1)
        #expect(doc.statements[0].failure == nil)
    }

    @Test(arguments: [
        "UPDATE hbi.alembic_version SET version_num='b' WHERE hbi.alembic_version.version_num = 'a';",
        "CREATE TABLE hbi.t (\n  id int\n);",
        "INSERT INTO hbi.t VALUES ('a string\nover two lines');",
        "(SELECT 1);",
        "select\n  1;",
    ])
    func aStatementRightAfterARecordIsSQL(sql: String) throws {
        let doc = try SQLDocument(text: "[2025-02-28 04:07:44,763] [1] [2] [alembic.runtime.migration] [DEBUG] update a to b\n" + sql + "\n")
        #expect(doc.logBlocks.map(\.lineCount) == [1])
        #expect(doc.statements.count == 1)
        #expect(doc.statements[0].failure == nil)
    }

    /// A broken statement is a syntax error, never log output that `fix` would delete,
    /// as long as its first line is a valid beginning.
    @Test(arguments: ["CREATE TABLE hbi.t (\n  id int,\n);", "SELECT x FROM;", "UPDATE hbi.t SET x = 1 WHERE\n;"])
    func aBrokenStatementAfterARecordStaysASyntaxError(sql: String) throws {
        let doc = try SQLDocument(text: record + sql + "\n")
        #expect(doc.logBlocks.map(\.lineCount) == [1])
        #expect(doc.statements.count == 1)
        #expect(doc.statements[0].failure != nil)
    }

    @Test func aStringThatNeverClosesIsNotTakenForLogOutput() throws {
        let doc = try SQLDocument(text: record + "INSERT INTO hbi.t VALUES ('no end\n")
        #expect(doc.logBlocks.map(\.lineCount) == [1])
        #expect(!doc.stretches.isEmpty)
    }

    @Test func whatTheParserMakesOfTheLineDecides() {
        func begins(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            let line = bytes.firstIndex(of: 0x0A) ?? bytes.count
            return LogShape.beginsStatement(bytes, line: 0..<line, textEnd: line)
        }
        #expect(!begins("Create Date: 2025-07-31 08:21:15.437099"))
        #expect(!begins("Update the tags of every host"))
        #expect(begins("CREATE TABLE t (id int)"))
        #expect(begins("CREATE TABLE t ("), "incomplete, but a valid beginning")
        #expect(begins("select the best"), "a valid statement on its own: what follows cannot make it prose")
    }

    /// A record of many lines with no `;` after it costs one short parse a line.
    @Test func aLongRecordIsReadLineByLine() throws {
        let lines = (0..<5_000).map { "Create step \($0) of the backfill" }.joined(separator: "\n")
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let doc = try SQLDocument(text: record + lines + "\n")
            #expect(doc.logBlocks.map(\.lineCount) == [5_001])
        }
        #expect(elapsed < .seconds(10))
    }
}
