import SQLSource

/// Applies the deletions that findings carry (`replint fix`). A deletion that
/// would leave its line blank takes the whole line with it, so removing a log
/// block or an `alembic_version` statement leaves no hole behind.
public enum Fixer {
    public struct Result: Sendable, Equatable {
        public var bytes: [UInt8]
        /// Findings whose deletion was applied.
        public var fixedFindings = 0
        /// `BEGIN; COMMIT;` pairs left empty by those deletions and removed too.
        public var removedEmptyTransactions = 0
    }

    /// Every finding's deletion, then the `BEGIN; COMMIT;` pairs those
    /// deletions emptied (alembic wraps a version update on its own, after an
    /// autocommit block, in such a pair). A pair stays when the file's
    /// transaction shape needs it: removing it must add no problem to
    /// `TransactionShape`, the model `transaction-control` and the runner read
    /// (the pair after `COMMIT; CREATE INDEX CONCURRENTLY ...;` is what keeps
    /// that statement out of "after the last COMMIT").
    public static func fix(_ document: SQLDocument, findings: [Finding]) -> Result {
        let bytes = document.file.bytes
        var deletions = findings.compactMap(\.fix)
        var result = Result(bytes: apply(deletions, to: bytes), fixedFindings: deletions.count)
        guard !deletions.isEmpty, let shape = problems(of: result.bytes, path: document.file.path) else { return result }
        for pair in emptiedTransactions(document, deleting: merged(deletions, in: bytes)) {
            let attempt = apply(deletions + pair, to: bytes)
            guard let after = problems(of: attempt, path: document.file.path), isSubMultiset(after, of: shape) else { continue }
            deletions += pair
            result.bytes = attempt
            result.removedEmptyTransactions += 1
        }
        return result
    }

    /// The deletions alone, nothing else.
    public static func apply(_ findings: [Finding], to bytes: [UInt8]) -> [UInt8] {
        apply(findings.compactMap(\.fix), to: bytes)
    }

    /// The kept stretches copied once, in order (removing each range in place
    /// would move the rest of the file once per deletion).
    static func apply(_ deletions: [Range<Int>], to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var kept = 0
        for r in merged(deletions, in: bytes) {
            out += bytes[kept..<r.lowerBound]
            kept = r.upperBound
        }
        out += bytes[kept...]
        return out
    }

    /// Deletions widened to whole lines where they cover all of one, sorted and merged.
    static func merged(_ deletions: [Range<Int>], in bytes: [UInt8]) -> [Range<Int>] {
        let ranges = deletions.map { wholeLines($0, in: bytes) }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for r in ranges {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    static func wholeLines(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        var start = range.lowerBound
        while start > 0 && blank(bytes[start - 1]) { start -= 1 }
        guard start == 0 || bytes[start - 1] == 0x0A else { return range }
        var end = range.upperBound
        while end < bytes.count && blank(bytes[end]) { end += 1 }
        guard end == bytes.count || bytes[end] == 0x0A else { return range }
        return start..<min(bytes.count, end + 1)
    }

    /// BEGIN ... COMMIT pairs whose statements in between all go, and that
    /// had at least one: pairs the fix empties, not pairs that were empty.
    static func emptiedTransactions(_ document: SQLDocument, deleting deleted: [Range<Int>]) -> [[Range<Int>]] {
        let deletions = ContainingRanges(deleted)
        let kept = document.statements.filter { !deletions.contain($0.fullRange) }
        var pairs: [[Range<Int>]] = []
        for (begin, commit) in zip(kept, kept.dropFirst()) {
            let kinds = (begin.node?.transaction?.kind, commit.node?.transaction?.kind)
            guard kinds.0 == .begin || kinds.0 == .start, kinds.1 == .commit, commit.index > begin.index + 1 else { continue }
            pairs.append([begin.fullRange, commit.fullRange])
        }
        return pairs
    }

    /// What is wrong with the file's transaction shape, one entry per problem.
    static func problems(of bytes: [UInt8], path: String) -> [String]? {
        guard let file = try? SourceFile(path: path, bytes: bytes) else { return nil }
        return TransactionShape(SQLDocument(file)).problems.map(signature)
    }

    static func signature(_ problem: TransactionShape.Problem) -> String {
        let kind = switch problem {
        case .nestedBegin: "nested BEGIN"
        case .commitWithoutBegin: "COMMIT without BEGIN"
        case .neverCommitted: "never committed"
        case .rollback: "ROLLBACK"
        case .savepoint: "savepoint"
        case .preparedTransaction: "prepared transaction"
        case .strayStatement(_, let place): "stray \(place)"
        case .needsAutocommitBlock: "needs an autocommit block"
        }
        return "\(kind): \(problem.statement.text)"
    }

    static func isSubMultiset(_ a: [String], of b: [String]) -> Bool {
        var counts: [String: Int] = [:]
        for s in b { counts[s, default: 0] += 1 }
        for s in a {
            guard let n = counts[s], n > 0 else { return false }
            counts[s] = n - 1
        }
        return true
    }
}
