import CPgQuery

/// Owns one statement's parse tree as libpg_query's protobuf-c structs and
/// frees it when the last view of it goes: every `Node` and typed view holds
/// a reference to its tree, so a view may outlive its `Statement`.
public final class ParseTree: @unchecked Sendable {
    let result: UnsafeMutablePointer<PgQuery__ParseResult>

    init(result: UnsafeMutablePointer<PgQuery__ParseResult>) {
        self.result = result
    }

    deinit { pg_query__parse_result__free_unpacked(result, nil) }

    /// The statements of the parsed text (one for a split statement), built
    /// on each call: the tree cannot store them, they refer back to it.
    public var statements: [Node] {
        (0..<result.pointee.n_stmts).compactMap { k in
            result.pointee.stmts[k]?.pointee.stmt.map { Node(raw: $0, tree: self) }
        }
    }
}

/// What libpg_query said about text it rejected.
public struct ParseFailure: Error, Sendable, Equatable {
    public let message: String
    /// Byte offset into the parsed text, converted from libpg_query's character cursor.
    public let offset: Int
    /// Set when the statement is nested deeper than replint reads
    /// (`Parser.nestingLimit`): PostgreSQL may still run it.
    public let tooDeep: Bool

    public init(message: String, offset: Int, tooDeep: Bool = false) {
        self.message = message
        self.offset = offset
        self.tooDeep = tooDeep
    }
}

enum Parser {
    /// How many parse-tree messages deep a statement may go (each level of an
    /// expression is two: a `Node` and its `A_Expr`, `TypeCast`, ...). Far
    /// beyond any real migration, and shallow enough for every rule's walk.
    static let nestingLimit = 2_000
    /// Statements this short cannot nest deep enough to need a stack of their own.
    static let inlineBytes = 1_000
    /// Stack reserved per byte of statement: a level of nesting costs at most
    /// about 2 KB of stack in libpg_query and protobuf-c, and takes at least one byte.
    static let stackPerLevel = 4 << 10
    static let largestStack = 8 << 30
    /// Bison's own stack limit (YYMAXDEPTH): nesting it holds, such as
    /// parentheses and function calls, is refused beyond it ("memory exhausted").
    static let parserLevels = 10_000

    /// Parses `bytes[range]` on its own (a NUL-terminated copy), on a stack
    /// deep enough for the statement, and refuses a tree deeper than `nestingLimit`.
    static func parse(_ bytes: [UInt8], range: Range<Int>) -> Result<ParseTree, ParseFailure> {
        if range.count <= inlineBytes { return parseHere(bytes, range: range) }
        // Each level beyond what bison's stack holds needs an operator or a
        // keyword (`+`, `::`, `IS`, `NOT`, `[`), so their count bounds the depth.
        let levels = Scanner.nestingTokens(bytes, range: range) + parserLevels
        let stack = levels.saturatingMultiply(stackPerLevel)
        guard stack <= largestStack else { return .failure(tooDeep(levels: levels, offset: 0)) }
        return LargeStack.run(bytes: stack) { parseHere(bytes, range: range) }
    }

    private static func parseHere(_ bytes: [UInt8], range: Range<Int>) -> Result<ParseTree, ParseFailure> {
        let slice = bytes[range]
        let result = withCString(slice) { pg_query_parse_protobuf($0) }
        defer { pg_query_free_protobuf_parse_result(result) }
        if let error = result.error {
            let cursor = Int(error.pointee.cursorpos)
            let offset = cursor > 0 ? byteOffset(ofCharacter: cursor - 1, in: slice) : 0
            let message = String(cString: error.pointee.message)
            // Bison's stack overflowed (YYMAXDEPTH): PostgreSQL says the same.
            if message.hasPrefix("memory exhausted") {
                return .failure(ParseFailure(message: "nested too deeply: \(message)", offset: offset, tooDeep: true))
            }
            return .failure(ParseFailure(message: message, offset: offset))
        }
        let data = UnsafeRawPointer(result.parse_tree.data).map { $0.assumingMemoryBound(to: UInt8.self) }
        guard let unpacked = pg_query__parse_result__unpack(nil, result.parse_tree.len, data) else {
            return .failure(ParseFailure(message: "libpg_query returned a parse tree that could not be read", offset: 0))
        }
        guard deepestPossible(packedBytes: Int(result.parse_tree.len)) <= nestingLimit
                || depth(of: unpacked) <= nestingLimit else {
            // Freed here, on the stack that could unpack it: freeing recurses too.
            pg_query__parse_result__free_unpacked(unpacked, nil)
            return .failure(tooDeep(levels: nil, offset: 0))
        }
        return .success(ParseTree(result: unpacked))
    }

    /// Every message below the root takes at least two bytes of its parent's
    /// encoding (a tag and a length), so a tree packed into `packedBytes` is
    /// at most this deep: most statements need no walk to prove their depth.
    static func deepestPossible(packedBytes: Int) -> Int { packedBytes / 2 + 1 }

    /// The longest chain of nested messages, counted up to one past `nestingLimit`.
    static func depth(of tree: UnsafeMutablePointer<PgQuery__ParseResult>) -> Int {
        replint_message_depth(UnsafeRawPointer(tree).assumingMemoryBound(to: ProtobufCMessage.self), nestingLimit)
    }

    private static func tooDeep(levels: Int?, offset: Int) -> ParseFailure {
        let measured = levels.map { " (\($0) operators and keywords)" } ?? ""
        return ParseFailure(message: "nested too deeply\(measured): replint reads statements up to \(nestingLimit / 2) levels of nesting (PostgreSQL may still run it, but replint cannot check it)", offset: offset, tooDeep: true)
    }
}

extension Int {
    func saturatingMultiply(_ other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : product
    }
}
