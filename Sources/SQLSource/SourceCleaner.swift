/// The pre-pass over raw bytes, before libpg_query sees anything. It walks
/// the text with just enough lexing (comments, strings, quoted identifiers,
/// dollar quotes, statement boundaries) to know where a statement could
/// start, and only there looks for lines that are not SQL: leftover log
/// output, psql meta-commands, `COPY ... FROM stdin` data. Those are blanked
/// with spaces, byte for byte, so every later offset stays true.
public struct CleanedSource: Sendable {
    /// The file's bytes with log output, meta-commands and COPY data blanked.
    public var bytes: [UInt8]
    public var logBlocks: [LogBlock] = []
    public var metaCommands: [Range<Int>] = []
    public var copyData: [Range<Int>] = []
    /// The last `copyData` block when no `\.` line ends it: psql would read
    /// the rest of the file as data, so nothing after its start is SQL.
    public var unterminatedCopyData: Range<Int>?
}

/// One contiguous block of leftover log output (blank lines may sit inside it).
public struct LogBlock: Sendable, Equatable {
    public var range: Range<Int>
    public var lineCount: Int
    public var carriesPassword: Bool
}

enum SourceCleaner {
    static func clean(_ file: SourceFile) -> CleanedSource {
        var walker = Walker(bytes: file.bytes, start: file.contentStart)
        walker.run()
        var out = CleanedSource(bytes: walker.bytes)
        out.logBlocks = walker.logBlocks
        out.metaCommands = walker.metaCommands
        out.copyData = walker.copyData
        out.unterminatedCopyData = walker.unterminatedCopyData
        for i in 0..<file.contentStart { out.bytes[i] = 0x20 }
        return out
    }

    private struct Walker {
        var bytes: [UInt8]
        var i: Int
        var boundary = StatementBoundary()
        var logBlocks: [LogBlock] = []
        var metaCommands: [Range<Int>] = []
        var copyData: [Range<Int>] = []
        var unterminatedCopyData: Range<Int>?
        /// The last non-blank line seen at a statement start was log output.
        var afterLog = false
        var copyPending = false

        init(bytes: [UInt8], start: Int) {
            self.bytes = bytes
            self.i = start
        }

        mutating func run() {
            var atLineStart = true
            while i < bytes.count {
                if atLineStart && !boundary.inStatement {
                    if copyPending { skipCopyData(); copyPending = false; continue }
                    if handleLineAtStatementStart() { continue }
                }
                atLineStart = bytes[i] == 0x0A
                _ = step()
            }
        }

        /// Lexes one token (or blank) at `i`; true when it was a `;` that ended a statement.
        mutating func step() -> Bool {
            let b = bytes[i]
            switch b {
            case 0x2D where peek(1) == 0x2D: skipLineComment()
            case 0x2F where peek(1) == 0x2A: skipBlockComment()
            case 0x27: boundary.other(); skipQuoted(0x27, backslashEscapes: false)
            case 0x22: boundary.other(); skipQuoted(0x22, backslashEscapes: false)
            case 0x24: boundary.other(); skipDollarOrParameter()
            case 0x28: boundary.openParenthesis(); i += 1
            case 0x29: _ = boundary.closeParenthesis(); i += 1
            case 0x3B:
                let copy = boundary.endsWithCopyData
                let ended = boundary.semicolon()
                if ended { copyPending = copy }
                i += 1
                return ended
            case 0x0A, 0x20, 0x09, 0x0D, 0x0C: i += 1
            default:
                if isIdentifierStart(b) { scanWord() } else { boundary.other(); i += 1 }
            }
            return false
        }

        /// How much text, from `start`, decides whether a statement begins
        /// there: through the end of the line, or of the string, quoted name
        /// or comment still open at its end, and no further than the `;` that
        /// would end the statement. What follows cannot change what the parser
        /// makes of the line, so a long record costs one short parse a line.
        /// Lexes a copy of the walker: nothing is blanked or recorded.
        func decidingTextEnd(from start: Int) -> Int {
            var probe = Walker(bytes: bytes, start: start)
            while probe.i < probe.bytes.count {
                if probe.bytes[probe.i] == 0x0A { return probe.i }
                if probe.step() { return probe.i - 1 }
            }
            return bytes.count
        }

        func peek(_ k: Int) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }

        func lineEnd(from start: Int) -> Int {
            var e = start
            while e < bytes.count && bytes[e] != 0x0A { e += 1 }
            return e
        }

        /// Looks at the line starting at `i`; blanks it and returns true when it is not SQL.
        mutating func handleLineAtStatementStart() -> Bool {
            let end = lineEnd(from: i)
            var first = i
            while first < end && (bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D) { first += 1 }
            // No slice of `bytes` may outlive this check: one alive at `blank`
            // would make every blank copy the whole file.
            if first == end { return false }
            if bytes[first] == 0x5C {  // a psql meta-command, \restrict and friends
                metaCommands.append(first..<trimmedEnd(first, end))
                blank(i..<end)
                afterLog = false
                i = end
                return true
            }
            let lineRange = first..<trimmedEnd(first, end)
            let isLog = LogShape.isLogOutput(bytes[first..<end], afterLog: afterLog) {
                LogShape.beginsStatement(bytes, line: lineRange, textEnd: decidingTextEnd(from: first))
            }
            guard isLog else {
                afterLog = false
                return false
            }
            let password = LogShape.carriesPassword(bytes[lineRange])
            if afterLog, var last = logBlocks.popLast() {
                last.range = last.range.lowerBound..<lineRange.upperBound
                last.lineCount += 1
                last.carriesPassword = last.carriesPassword || password
                logBlocks.append(last)
            } else {
                logBlocks.append(LogBlock(range: lineRange, lineCount: 1, carriesPassword: password))
            }
            blank(i..<end)
            afterLog = true
            i = end
            return true
        }

        func trimmedEnd(_ start: Int, _ end: Int) -> Int {
            var e = end
            while e > start && (bytes[e - 1] == 0x0D || bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09) { e -= 1 }
            return e
        }

        mutating func blank(_ range: Range<Int>) {
            for k in range where bytes[k] != 0x0A && bytes[k] != 0x0D { bytes[k] = 0x20 }
        }

        /// Data lines after `COPY ... FROM stdin;` up to and including the `\.` line.
        mutating func skipCopyData() {
            let start = i
            var terminated = false
            while i < bytes.count {
                let end = lineEnd(from: i)
                let line = bytes[i..<trimmedEnd(i, end)]
                let next = min(end + 1, bytes.count)
                i = next
                if line.elementsEqual([0x5C, 0x2E]) { terminated = true; break }
            }
            copyData.append(start..<i)
            if !terminated { unterminatedCopyData = start..<i }
            blank(start..<i)
        }

        mutating func skipLineComment() {
            while i < bytes.count && bytes[i] != 0x0A { i += 1 }
        }

        mutating func skipBlockComment() {
            var depth = 0
            while i < bytes.count {
                if bytes[i] == 0x2F && peek(1) == 0x2A { depth += 1; i += 2; continue }
                if bytes[i] == 0x2A && peek(1) == 0x2F {
                    depth -= 1
                    i += 2
                    if depth == 0 { return }
                    continue
                }
                i += 1
            }
        }

        mutating func skipQuoted(_ quote: UInt8, backslashEscapes: Bool) {
            i += 1
            while i < bytes.count {
                let b = bytes[i]
                if backslashEscapes && b == 0x5C { i += 2; continue }
                if b == quote {
                    if peek(1) == quote { i += 2; continue }
                    i += 1
                    return
                }
                i += 1
            }
        }

        /// `$tag$ ... $tag$` or a positional parameter like `$1`.
        mutating func skipDollarOrParameter() {
            var j = i + 1
            while j < bytes.count && isIdentifierContinue(bytes[j]) && bytes[j] != 0x24 { j += 1 }
            let tagIsName = j == i + 1 || !(0x30...0x39).contains(bytes[i + 1])
            guard j < bytes.count, bytes[j] == 0x24, tagIsName else { i = j; return }
            let tag = Array(bytes[i...j])
            i = j + 1
            while i < bytes.count {
                if bytes[i] == 0x24 && bytes[i...].starts(with: tag) { i += tag.count; return }
                i += 1
            }
        }

        mutating func scanWord() {
            let start = i
            while i < bytes.count && isIdentifierContinue(bytes[i]) { i += 1 }
            // E'...' strings take backslash escapes; a word glued to a quote is its prefix.
            if i < bytes.count && bytes[i] == 0x27 {
                let escapes = i - start == 1 && (bytes[start] | 0x20) == 0x65
                boundary.other()
                skipQuoted(0x27, backslashEscapes: escapes)
                return
            }
            boundary.word(StatementBoundary.classify(bytes[start..<i]))
        }
    }
}

func isIdentifierStart(_ b: UInt8) -> Bool {
    (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x5F || b >= 0x80
}

func isIdentifierContinue(_ b: UInt8) -> Bool {
    isIdentifierStart(b) || (0x30...0x39).contains(b) || b == 0x24
}
