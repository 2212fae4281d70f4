import CPgQuery

// Questions about a statement's tokens that its parse tree cannot answer:
// where a string literal starts, and identifiers as written.

extension SourceFile {
    /// The first string literal in `range` (quotes and `$tag$` included).
    public func firstStringLiteral(in range: Range<Int>) -> Range<Int>? {
        let (tokens, _) = Scanner.scan(bytes, range: range)
        return tokens.first { $0.code == PG_QUERY__TOKEN__SCONST || $0.code == PG_QUERY__TOKEN__USCONST }.map { $0.start..<$0.end }
    }

    /// Where the text of the literal at `literal` begins: after its opening
    /// quote, `E'`, `U&'` or `$tag$`.
    public func literalContentStart(_ literal: Range<Int>) -> Int {
        var i = literal.lowerBound
        if bytes[i] == UInt8(ascii: "$") {
            i += 1
            while i < literal.upperBound && bytes[i] != UInt8(ascii: "$") { i += 1 }
            return min(i + 1, literal.upperBound)
        }
        while i < literal.upperBound && bytes[i] != UInt8(ascii: "'") { i += 1 }
        return min(i + 1, literal.upperBound)
    }

    /// `identifiers(in:)` whose name is longer than `limit` bytes. The scan
    /// is skipped when no token could be: a plain identifier is a run of
    /// ASCII letters, digits, `_` and `$` (its lower case as long), and a
    /// quote or a non-ASCII byte anywhere sends the range to the scan.
    public func identifiers(in range: Range<Int>, longerThan limit: Int) -> [(range: Range<Int>, name: String)] {
        var run = 0
        var mayHaveOne = false
        for byte in bytes[range] {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "$"):
                run += 1
                mayHaveOne = run > limit
            case UInt8(ascii: "\""), 0x80...:
                mayHaveOne = true
            default:
                run = 0
            }
            if mayHaveOne { break }
        }
        guard mayHaveOne else { return [] }
        return identifiers(in: range).filter { $0.name.utf8.count > limit }
    }

    /// Every identifier token in `range` with its name as PostgreSQL reads
    /// it: a quoted one as written (without quotes), a plain one in lower case.
    public func identifiers(in range: Range<Int>) -> [(range: Range<Int>, name: String)] {
        let (tokens, _) = Scanner.scan(bytes, range: range)
        return tokens.filter { $0.code == PG_QUERY__TOKEN__IDENT }.map { token in
            let text = self.text(token.start..<token.end)
            guard text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 else { return (token.start..<token.end, text.lowercased()) }
            return (token.start..<token.end, String(text.dropFirst().dropLast()).replacingDoubledQuotes)
        }
    }
}

extension String {
    fileprivate var replacingDoubledQuotes: String {
        var out = ""
        var previousWasQuote = false
        for ch in self {
            if ch == "\"" && previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = ch == "\""
            out.append(ch)
        }
        return out
    }
}
