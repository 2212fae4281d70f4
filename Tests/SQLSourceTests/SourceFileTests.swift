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

    /// Columns on lines far longer than the table's checkpoint stride, with
    /// multi-byte scalars on both sides of checkpoints, against a count of
    /// the line's prefix made by Swift's own UTF-8 decoding.
    @Test func columnsOnVeryLongLinesCountScalars() throws {
        var text = "SELECT 1;\n"
        for i in 0..<3000 { text += i % 7 == 0 ? "SELECT 'é😀\(i)'; " : "SELECT \(i); " }
        text += "\nSELECT 'ü';\n" + String(repeating: "x", count: 8192 - 1)
        let file = try SourceFile(path: "long.sql", text: text)
        let bytes = Array(text.utf8)
        var lineStart = 0
        var line = 1
        for offset in Swift.stride(from: 0, to: bytes.count, by: 997) {
            while let newline = bytes[lineStart...].firstIndex(of: 0x0A), newline < offset {
                lineStart = newline + 1
                line += 1
            }
            guard bytes[offset] & 0xC0 != 0x80 else { continue }
            let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
            #expect(file.location(of: offset) == SourceLocation(line: line, column: column), "offset \(offset)")
        }
        #expect(file.location(of: bytes.count) == SourceLocation(line: bytes.filter { $0 == 0x0A }.count + 1, column: 8192))
    }
}
