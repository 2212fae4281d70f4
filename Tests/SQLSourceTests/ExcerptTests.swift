import Testing
@testable import SQLSource

@Suite struct ExcerptTests {
    @Test(arguments: [
        ("postgresql://user:s3cret@host/db", "postgresql://user:***@host/db"),
        ("postgres://u:p@ss:w@h:5432/d?sslmode=require", "postgres://u:***@h:5432/d?sslmode=require"),
        ("host=db password=s3cret user=app", "host=db password=*** user=app"),
        ("host=db password='s3 cret' user=app", "host=db password='***' user=app"),
        ("{\"user\": \"app\", \"password\": \"s3cret\"}", "{\"user\": \"app\", \"password\": \"***\"}"),
        ("postgresql://h/d?user=u&password=s3cret&sslmode=require", "postgresql://h/d?user=u&password=***&sslmode=require"),
        ("ALTER ROLE app PASSWORD 's3cret';", "ALTER ROLE app PASSWORD '***';"),
        ("PGPASSWORD=s3cret psql", "PGPASSWORD=*** psql"),
    ])
    func passwordsAreMasked(text: String, expected: String) {
        #expect(ConnectionSecrets.masked(text) == expected)
        #expect(ConnectionSecrets.showsPassword(text))
        #expect(!ConnectionSecrets.showsPassword(expected))
    }

    @Test(arguments: ["postgresql://user@host/db", "SELECT password FROM users;", "password=***", "https://example.com/a:b"])
    func textWithoutAPasswordIsLeftAlone(text: String) {
        #expect(ConnectionSecrets.masked(text) == text)
    }

    @Test func aLongLineIsCutAroundTheSpot() throws {
        let line = "SELECT " + String(repeating: "1, ", count: 70_000) + "oops oops, 2;"
        let file = try SourceFile(path: "l.sql", text: line)
        let column = Array(line.unicodeScalars).count - 12
        let excerpt = file.excerpt(line: 1, column: column, endColumn: column + 4)
        #expect(excerpt.text.count <= SourceFile.excerptWidth + 6)
        #expect(excerpt.text.hasPrefix("..."))
        let scalars = Array(excerpt.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[(excerpt.column - 1)..<(excerpt.column + 3)])) == "oops")
        #expect(excerpt.width == 4)
    }

    @Test func aShortLineIsShownWholeWithTabsAsSpaces() throws {
        let file = try SourceFile(path: "s.sql", text: "SELECT\t1;")
        #expect(file.excerpt(line: 1, column: 8, endColumn: 9) == Excerpt(text: "SELECT 1;", column: 8, width: 1))
    }
}
