import Testing
@testable import SQLSource

@Suite struct SourceFileTests {
    @Test func rejectsNulBytes() {
        #expect(throws: SourceError.self) { try SourceFile(path: "b.sql", bytes: [0x53, 0x00, 0x45]) }
    }

    @Test func rejectsInvalidUTF8WithItsLine() throws {
        do {
            _ = try SourceFile(path: "l.sql", bytes: Array("SELECT 1;\nSELECT '".utf8) + [0xE9, 0x27, 0x3B])
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.reason.contains("line 2"))
        }
    }

    @Test func rejectsUTF16() {
        #expect(throws: SourceError.self) { try SourceFile(path: "w.sql", bytes: [0xFF, 0xFE, 0x53, 0x00]) }
    }

    @Test func acceptsFourByteScalarsAndCountsThemAsOneColumn() throws {
        let file = try SourceFile(path: "e.sql", text: "SELECT '😀', x;")
        #expect(file.location(of: 13) == SourceLocation(line: 1, column: 11))
    }

    @Test func missingFileIsAnErrorNamingIt() {
        do {
            _ = try SourceFile.read(path: "/nonexistent/x.sql")
            Issue.record("a missing file was read")
        } catch {
            #expect(error.description.contains("/nonexistent/x.sql"))
        }
    }

    @Test func lineTableFindsLinesByBinarySearch() throws {
        let file = try SourceFile(path: "l.sql", text: "a\nbb\n\nccc")
        #expect(file.location(of: 0) == SourceLocation(line: 1, column: 1))
        #expect(file.location(of: 3) == SourceLocation(line: 2, column: 2))
        #expect(file.location(of: 5) == SourceLocation(line: 3, column: 1))
        #expect(file.location(of: 8) == SourceLocation(line: 4, column: 3))
    }
}
