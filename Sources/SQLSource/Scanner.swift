import CPgQuery

/// One token from libpg_query's scanner; offsets are bytes into the scanned text.
struct Token {
    enum Kind: Equatable { case semicolon, openParen, closeParen, comment, word(StatementBoundary.Word), other }
    let start: Int
    let end: Int
    let kind: Kind
    /// libpg_query's own token code (`SCONST`, `IDENT`, ...), for the few callers that need more than `kind`.
    var code: PgQuery__Token = PG_QUERY__TOKEN__NUL
}

/// libpg_query's scanner (`pg_query_scan`) over the cleaned bytes.
enum Scanner {
    struct Failure {
        /// Byte offset where the scanner gave up (an unterminated string, say).
        let offset: Int
        let message: String
    }

    /// Tokens of `bytes[range]` with offsets into `bytes`. On a scanner error,
    /// the tokens before the bad spot and the failure.
    static func scan(_ bytes: [UInt8], range: Range<Int>) -> ([Token], Failure?) {
        let result = withCString(bytes[range]) { pg_query_scan($0) }
        defer { pg_query_free_scan_result(result) }
        if let error = result.error {
            let offset = range.lowerBound + byteOffset(ofCharacter: Int(error.pointee.cursorpos) - 1, in: bytes[range])
            let message = String(cString: error.pointee.message)
            guard offset > range.lowerBound else { return ([], Failure(offset: offset, message: message)) }
            let (tokens, _) = scan(bytes, range: range.lowerBound..<offset)
            return (tokens, Failure(offset: offset, message: message))
        }
        guard let data = result.pbuf.data,
              let unpacked = pg_query__scan_result__unpack(nil, result.pbuf.len, UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self))
        else { return ([], Failure(offset: range.lowerBound, message: "the scanner returned no result")) }
        defer { pg_query__scan_result__free_unpacked(unpacked, nil) }
        var tokens: [Token] = []
        tokens.reserveCapacity(unpacked.pointee.n_tokens)
        let base = range.lowerBound
        for k in 0..<unpacked.pointee.n_tokens {
            let t = unpacked.pointee.tokens[k]!.pointee
            let start = base + Int(t.start), end = base + Int(t.end)
            tokens.append(Token(start: start, end: end, kind: kind(of: t, bytes: bytes, start: start, end: end), code: t.token))
        }
        return (tokens, nil)
    }

    /// How many tokens of `bytes[range]` could open a level of nesting:
    /// everything but names, constants, commas and parentheses. Counted only
    /// for long statements, to size the stack their parse needs.
    static func nestingTokens(_ bytes: [UInt8], range: Range<Int>) -> Int {
        let result = withCString(bytes[range]) { pg_query_scan($0) }
        defer { pg_query_free_scan_result(result) }
        guard result.error == nil, let data = result.pbuf.data,
              let unpacked = pg_query__scan_result__unpack(nil, result.pbuf.len, UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self))
        else { return range.count }
        defer { pg_query__scan_result__free_unpacked(unpacked, nil) }
        let flat: Set<UInt32> = [PG_QUERY__TOKEN__IDENT, PG_QUERY__TOKEN__UIDENT, PG_QUERY__TOKEN__FCONST,
                                 PG_QUERY__TOKEN__SCONST, PG_QUERY__TOKEN__USCONST, PG_QUERY__TOKEN__BCONST,
                                 PG_QUERY__TOKEN__XCONST, PG_QUERY__TOKEN__ICONST, PG_QUERY__TOKEN__PARAM,
                                 PG_QUERY__TOKEN__ASCII_40, PG_QUERY__TOKEN__ASCII_41, PG_QUERY__TOKEN__ASCII_44,
                                 PG_QUERY__TOKEN__SQL_COMMENT, PG_QUERY__TOKEN__C_COMMENT].reduce(into: []) { $0.insert($1.rawValue) }
        var count = 0
        for k in 0..<unpacked.pointee.n_tokens where !flat.contains(unpacked.pointee.tokens[k]!.pointee.token.rawValue) {
            count += 1
        }
        return count
    }

    private static func kind(of t: PgQuery__ScanToken, bytes: [UInt8], start: Int, end: Int) -> Token.Kind {
        switch t.token {
        case PG_QUERY__TOKEN__ASCII_59: return .semicolon
        case PG_QUERY__TOKEN__ASCII_40: return .openParen
        case PG_QUERY__TOKEN__ASCII_41: return .closeParen
        case PG_QUERY__TOKEN__SQL_COMMENT, PG_QUERY__TOKEN__C_COMMENT: return .comment
        default:
            if t.keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD || t.token == PG_QUERY__TOKEN__IDENT {
                return .word(StatementBoundary.classify(bytes[start..<end]))
            }
            return .other
        }
    }
}

/// Calls `body` with a NUL-terminated copy of `slice`.
func withCString<R>(_ slice: ArraySlice<UInt8>, _ body: (UnsafePointer<CChar>) -> R) -> R {
    var buffer = [CChar](repeating: 0, count: slice.count + 1)
    buffer.withUnsafeMutableBytes { raw in
        slice.withUnsafeBytes { raw.copyMemory(from: $0) }
    }
    return buffer.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// libpg_query's error cursor counts characters; replint's ranges count bytes.
func byteOffset(ofCharacter index: Int, in slice: ArraySlice<UInt8>) -> Int {
    var remaining = max(0, index)
    var i = slice.startIndex
    while i < slice.endIndex && remaining > 0 {
        i += 1
        while i < slice.endIndex && slice[i] & 0xC0 == 0x80 { i += 1 }
        remaining -= 1
    }
    return i - slice.startIndex
}
