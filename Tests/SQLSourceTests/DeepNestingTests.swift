import CPgQuery
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

    /// The packed size and the walked depth (capped one past the limit) of a statement's tree.
    static func measure(_ sql: String) -> (packedBytes: Int, depth: Int) {
        LargeStack.run(bytes: 256 << 20) {
            let result = pg_query_parse_protobuf(sql)
            defer { pg_query_free_protobuf_parse_result(result) }
            let data = UnsafeRawPointer(result.parse_tree.data).map { $0.assumingMemoryBound(to: UInt8.self) }
            guard result.error == nil, let tree = pg_query__parse_result__unpack(nil, result.parse_tree.len, data) else {
                return (0, -1)
            }
            defer { pg_query__parse_result__free_unpacked(tree, nil) }
            return (Int(result.parse_tree.len), Parser.depth(of: tree))
        }
    }

    /// Parentheses are left out: they add no level to the tree.
    static let compact: [(String, @Sendable (Int) -> String)] = [
        ("1+", plus), ("NOT", nots), ("::int", casts), ("IS TRUE", isTrue),
    ]

    /// The parser walks a tree for its depth only when its packed size allows
    /// one deeper than the limit. At the limit, for the most compact nestings
    /// there are, the size bound holds and the refusal starts exactly one level past it.
    @Test(arguments: compact.map(\.0))
    func theSizeBoundHoldsAtTheNestingLimit(name: String) throws {
        let make = try #require(Self.compact.first { $0.0 == name }?.1)
        // The first count whose tree is deeper than the limit (depth grows with n).
        var low = 1, high = Parser.nestingLimit
        try #require(Self.measure(make(high)).depth > Parser.nestingLimit, "\(name): \(high) levels are within the limit")
        while low < high {
            let middle = (low + high) / 2
            if Self.measure(make(middle)).depth > Parser.nestingLimit { high = middle } else { low = middle + 1 }
        }
        for n in (high - 3)...(high + 3) {
            let (packedBytes, depth) = Self.measure(make(n))
            try #require(depth > 0, "\(name) \(n) did not parse")
            #expect(depth <= Parser.deepestPossible(packedBytes: packedBytes), "\(name) \(n): \(depth) levels in \(packedBytes) bytes")
            let document = try SQLDocument(text: make(n) + ";")
            let refused = document.statements.first?.failure?.tooDeep == true
            #expect(refused == (n >= high), "\(name) \(n): depth \(depth), refused \(refused)")
        }
        // The bound is what lets short statements skip the walk: it must not be loose at the limit.
        #expect(Parser.deepestPossible(packedBytes: 2 * (Parser.nestingLimit - 1)) == Parser.nestingLimit)
    }

    @Test func largeStackReturnsTheWorksResult() {
        func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }
        // 200,000 frames overflow an 8 MB stack in a debug build; 1 GB holds them.
        #expect(LargeStack.run(bytes: 1 << 30) { depth(200_000) } == 200_000)
    }
}
