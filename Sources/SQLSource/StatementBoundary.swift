/// Decides where a statement ends. Both the pre-pass over raw text and the
/// splitter over libpg_query's tokens feed it, so they always agree: a `;`
/// ends a statement unless it sits in a `BEGIN ATOMIC ... END` body or in the
/// parenthesised action list of `CREATE RULE`.
struct StatementBoundary {
    enum Word: Equatable {
        case begin, atomic, caseWord, end, create, rule, copy, stdin, other
    }

    private(set) var inStatement = false
    private(set) var firstWord: Word?
    private(set) var sawStdin = false
    private var parenDepth = 0
    private var atomicDepth = 0
    private var previousWasBegin = false
    private var isRule = false

    mutating func word(_ word: Word) {
        if !inStatement {
            inStatement = true
            firstWord = word
        }
        if atomicDepth > 0 {
            if word == .caseWord { atomicDepth += 1 } else if word == .end { atomicDepth -= 1 }
        } else if previousWasBegin && word == .atomic && firstWord == .create {
            atomicDepth = 1
        }
        if firstWord == .create && word == .rule && parenDepth == 0 { isRule = true }
        if word == .stdin { sawStdin = true }
        previousWasBegin = word == .begin
    }

    mutating func other() {
        inStatement = true
        previousWasBegin = false
    }

    mutating func openParenthesis() {
        other()
        parenDepth += 1
    }

    /// Returns false when the parenthesis has no partner; the depth never goes below zero.
    mutating func closeParenthesis() -> Bool {
        other()
        guard parenDepth > 0 else { return false }
        parenDepth -= 1
        return true
    }

    /// True when this `;` ends the statement; the tracker is then reset.
    mutating func semicolon() -> Bool {
        if atomicDepth > 0 || (isRule && parenDepth > 0) {
            previousWasBegin = false
            return false
        }
        self = StatementBoundary()
        return true
    }

    /// A statement `COPY ... FROM STDIN` is followed by data lines up to `\.`.
    var endsWithCopyData: Bool { firstWord == .copy && sawStdin }

    static func classify<C: Collection<UInt8>>(_ word: C) -> Word where C.Index == Int {
        func equals(_ keyword: StaticString) -> Bool {
            guard word.count == keyword.utf8CodeUnitCount else { return false }
            var k = keyword.utf8Start
            for byte in word {
                if byte | 0x20 != k.pointee | 0x20 { return false }
                k += 1
            }
            return true
        }
        switch word.count {
        case 3: return equals("END") ? .end : .other
        case 4: return equals("CASE") ? .caseWord : equals("RULE") ? .rule : equals("COPY") ? .copy : .other
        case 5: return equals("BEGIN") ? .begin : equals("STDIN") ? .stdin : .other
        case 6: return equals("ATOMIC") ? .atomic : equals("CREATE") ? .create : .other
        default: return .other
        }
    }
}
