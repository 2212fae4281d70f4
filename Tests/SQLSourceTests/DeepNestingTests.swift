import Testing
@testable import SQLSource

/// Statements nested deeper than libpg_query and protobuf-c can recurse on an
/// ordinary stack: each is one failure, and the statement after it still parses.
@Suite struct DeepNestingTests {
    static func plus(_ n: Int) -> String { "SELECT " + String(repeating: "1+", count: n) + "1" }
    static func nots(_ n: Int) -> String { "SELECT " + String(repeating: "NOT ", count: n) + "true" }
    static func casts(_ n: Int) -> String { "SELECT 1" + String(repeating: "::int", count: n) }
    static func isTrue(_ n: Int) -> String { "SELECT true" + String(repeating: " IS TRUE", count: n) }
    static func parens(_ n: Int) -> String {
        "SELECT " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n)
    }

    static let tooDeep: [(String, String)] = [
        ("5,000 1+", plus(5_000)), ("5,000 NOT", nots(5_000)), ("5,000 ::int", casts(5_000)),
        ("5,000 IS TRUE", isTrue(5_000)), ("100,000 1+", plus(100_000)), ("100,000 NOT", nots(100_000)),
        ("100,000 ::int", casts(100_000)), ("100,000 parentheses", parens(100_000)),
    ]

    @Test(arguments: tooDeep)
    func tooDeepIsOneFailureAndTheNextStatementParses(name: String, sql: String) throws {
        let document = try SQLDocument(text: "SELECT 0;\n\(sql);\nDROP TABLE t;\n")
        try #require(document.statements.count == 3, "\(name)")
        #expect(document.statements[0].node != nil)
        let failure = try #require(document.statements[1].failure, "\(name) parsed")
        #expect(failure.tooDeep, "\(name): \(failure.message)")
        #expect(failure.message.hasPrefix("nested too deeply"), "\(name): \(failure.message)")
        #expect(document.statements[2].node?.kindName == "DropStmt")
    }

    @Test func bisonsOwnLimitKeepsPostgreSQLsWords() throws {
        let document = try SQLDocument(text: Self.nots(100_000) + ";")
        let failure = try #require(document.statements.first?.failure)
        #expect(failure.tooDeep)
        #expect(failure.message.contains("memory exhausted"), "\(failure.message)")
    }

    @Test func deepButWithinTheLimitParses() throws {
        // 900 levels: past the inline size, so parsed on a stack of its own.
        let document = try SQLDocument(text: Self.plus(900) + ";\n" + Self.casts(300) + ";")
        #expect(document.statements.allSatisfy { $0.node != nil && $0.failure == nil })
    }

    @Test func largeStackReturnsTheWorksResult() {
        func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }
        // 200,000 frames overflow an 8 MB stack in a debug build; 1 GB holds them.
        #expect(LargeStack.run(bytes: 1 << 30) { depth(200_000) } == 200_000)
    }
}
