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
}

enum Parser {
    /// Parses `bytes[range]` on its own (a NUL-terminated copy).
    static func parse(_ bytes: [UInt8], range: Range<Int>) -> Result<ParseTree, ParseFailure> {
        let slice = bytes[range]
        let result = withCString(slice) { pg_query_parse_protobuf($0) }
        defer { pg_query_free_protobuf_parse_result(result) }
        if let error = result.error {
            let cursor = Int(error.pointee.cursorpos)
            let offset = cursor > 0 ? byteOffset(ofCharacter: cursor - 1, in: slice) : 0
            return .failure(ParseFailure(message: String(cString: error.pointee.message), offset: offset))
        }
        let data = UnsafeRawPointer(result.parse_tree.data).map { $0.assumingMemoryBound(to: UInt8.self) }
        guard let unpacked = pg_query__parse_result__unpack(nil, result.parse_tree.len, data) else {
            return .failure(ParseFailure(message: "libpg_query returned a parse tree that could not be read", offset: 0))
        }
        return .success(ParseTree(result: unpacked))
    }
}
