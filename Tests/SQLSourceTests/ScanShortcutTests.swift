import Testing
@testable import SQLSource

/// The shortcuts that spare text a scan must answer as the scan does.
@Suite struct ScanShortcutTests {
    static let long = String(repeating: "a", count: 64)

    static let statements = [
        "CREATE TABLE \(long) (id int);",
        "CREATE TABLE t (\(String(repeating: "B", count: 70)) int);",
        "CREATE TABLE \"\(long)\" (id int);",
        "CREATE TABLE \"a\"\"\(String(repeating: "b", count: 62))\" (id int);",
        "CREATE TABLE \"\(String(repeating: "é", count: 32))\" (id int);",
        "CREATE TABLE \(String(repeating: "é", count: 32)) (id int);",
        "CREATE TABLE \(String(repeating: "İ", count: 30)) (id int);",
        "CREATE TABLE \(String(repeating: "a", count: 63)) (id int);",
        "SELECT '\(long)', $$\(long)$$; -- \(long)",
        "CREATE TABLE t (id int); /* \"\(long)\" */",
        "SELECT \(String(repeating: "x", count: 40))$\(String(repeating: "1", count: 30)) FROM t;",
        "SELECT 'unterminated \(long)",
    ]

    @Test(arguments: statements)
    func longIdentifiersAreFoundWithOrWithoutTheScan(sql: String) throws {
        let file = try SourceFile(path: "t.sql", text: sql)
        let range = 0..<file.bytes.count
        let scanned = file.identifiers(in: range).filter { $0.name.utf8.count > 63 }
        let found = file.identifiers(in: range, longerThan: 63)
        #expect(found.map(\.range) == scanned.map(\.range))
        #expect(found.map(\.name) == scanned.map(\.name))
    }

    @Test(arguments: FixtureCorpusTests.files)
    func fixturesAgreeWithTheScan(file: String) throws {
        let document = SQLDocument(try SourceFile.read(path: "\(FixtureCorpusTests.fixtures)/\(file)"))
        for statement in document.statements {
            let scanned = document.file.identifiers(in: statement.range).filter { $0.name.utf8.count > 10 }
            let found = document.file.identifiers(in: statement.range, longerThan: 10)
            #expect(found.map(\.range) == scanned.map(\.range), "\(file):\(statement.location)")
            // Masking skips text without `://` or `passw`; the full scan must find nothing there either.
            let full = ConnectionSecrets.secretRanges(in: Array(statement.text.unicodeScalars))
            #expect(ConnectionSecrets.mayShowPassword(statement.text) || full.isEmpty, "\(file):\(statement.location)")
        }
    }

    @Test(arguments: ["a PassWord=x", "PASSWD: y", "x://u:p@h", "password", "passw"])
    func passwordWordsInAnyCaseAreScanned(text: String) {
        #expect(ConnectionSecrets.mayShowPassword(text))
    }

    @Test(arguments: ["", "ab", "SELECT 1;", "pass word=x", "http:/x", "pässword=x"])
    func textWithoutThemIsNot(text: String) {
        #expect(!ConnectionSecrets.mayShowPassword(text))
    }
}
