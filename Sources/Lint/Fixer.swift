/// Applies the deletions that findings carry (`replint fix`). A deletion that
/// would leave its line blank takes the whole line with it, so removing a log
/// block or an `alembic_version` statement leaves no hole behind.
public enum Fixer {
    public static func apply(_ findings: [Finding], to bytes: [UInt8]) -> [UInt8] {
        let ranges = findings.compactMap(\.fix).map { wholeLines($0, in: bytes) }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for r in ranges {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        var out = bytes
        for r in merged.reversed() { out.removeSubrange(r) }
        return out
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
}
