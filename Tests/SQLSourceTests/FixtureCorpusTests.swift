import Testing
import SQLSource
#if canImport(Glibc)
import Glibc
#endif

/// SQL printed by real tools (Django, pg_dump, alembic) and files in other
/// migration tools' formats: every statement must split and parse.
@Suite struct FixtureCorpusTests {
    static let fixtures: String = {
        var path = #filePath
        for _ in 0..<2 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Fixtures"
    }()

    static let files: [String] = ["real", "pgdump", "conventions", "alembic-output", "seed"].flatMap(sqlFiles).sorted()

    static func sqlFiles(in folder: String) -> [String] {
        guard let dir = opendir("\(fixtures)/\(folder)") else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".sql") { names.append("\(folder)/\(name)") }
        }
        return names
    }

    @Test func corpusIsThere() {
        #expect(Self.files.count >= 15)
    }

    @Test(arguments: files)
    func everyStatementParses(file: String) throws {
        let document = SQLDocument(try SourceFile.read(path: "\(Self.fixtures)/\(file)"))
        #expect(!document.statements.isEmpty)
        #expect(document.stretches.isEmpty, "\(document.stretches)")
        for statement in document.statements {
            #expect(statement.failure == nil, "\(file):\(statement.location): \(statement.failure?.message ?? "") in \(statement.head)")
        }
    }
}
