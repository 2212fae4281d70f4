/// A statement's place in the file, before parsing.
struct StatementSpan {
    /// From its first token to its last, without the terminating `;`.
    var range: Range<Int>
    /// Through the terminating `;` when there is one.
    var fullRange: Range<Int>
    /// A `)` that closes nothing: the statement cannot parse.
    var unbalanced: Bool
}

/// A stretch of text that is not whitespace, comment or blanked output and
/// belongs to no statement: the scanner gave up inside it.
public struct UnsplitStretch: Sendable {
    public let range: Range<Int>
    public let message: String
}

/// Splits cleaned text on libpg_query's tokens. `pg_query_split_with_scanner`
/// is not used: it drops statements silently on unbalanced parentheses.
enum StatementSplitter {
    struct Result {
        var spans: [StatementSpan] = []
        var comments: [Range<Int>] = []
        /// `;` with no statement before it (`;;`, as alembic prints around autocommit blocks).
        var emptyStatements: [Range<Int>] = []
        var stretches: [UnsplitStretch] = []
    }

    static func split(_ bytes: [UInt8], from start: Int) -> Result {
        var result = Result()
        let (tokens, failure) = Scanner.scan(bytes, range: start..<bytes.count)
        var boundary = StatementBoundary()
        var spanStart: Int?
        var lastEnd = 0
        var unbalanced = false
        func close(through end: Int) {
            if let s = spanStart {
                result.spans.append(StatementSpan(range: s..<lastEnd, fullRange: s..<end, unbalanced: unbalanced))
            }
            spanStart = nil
            unbalanced = false
        }
        for token in tokens {
            switch token.kind {
            case .comment:
                result.comments.append(token.start..<token.end)
                continue
            case .semicolon:
                if spanStart == nil {
                    _ = boundary.semicolon()
                    result.emptyStatements.append(token.start..<token.end)
                    continue
                }
                if boundary.semicolon() { close(through: token.end); continue }
            case .openParen: boundary.openParenthesis()
            case .closeParen: if !boundary.closeParenthesis() { unbalanced = true }
            case .word(let w): boundary.word(w)
            case .other: boundary.other()
            }
            if spanStart == nil { spanStart = token.start }
            lastEnd = token.end
        }
        if let failure {
            // The scanner stopped (say, an unterminated string): the rest of the
            // file, together with the statement it interrupted, is one stretch.
            let from = spanStart ?? failure.offset
            var end = bytes.count
            while end > from && isBlank(bytes[end - 1]) { end -= 1 }
            result.stretches.append(UnsplitStretch(range: from..<max(end, failure.offset), message: failure.message))
            spanStart = nil
        }
        close(through: lastEnd)
        return result
    }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C }
}
