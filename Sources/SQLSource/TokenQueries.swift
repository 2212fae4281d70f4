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
