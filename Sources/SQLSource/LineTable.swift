/// A position a person reads: 1-based line, 1-based column in Unicode scalars.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
    public var description: String { "\(line):\(column)" }
}

/// Start offset of every line, so that offset -> line is a binary search.
public struct LineTable: Sendable {
    public let starts: [Int]

    init(_ bytes: [UInt8], firstLineStart: Int) {
        var starts = [firstLineStart]
        starts.reserveCapacity(bytes.count / 32 + 1)
        for (i, b) in bytes.enumerated() where b == 0x0A {
            starts.append(i + 1)
        }
        self.starts = starts
    }

    public var count: Int { starts.count }

    /// 0-based index of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    public func location(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let index = lineIndex(of: offset)
        var column = 1
        var i = starts[index]
        let end = min(offset, bytes.count)
        while i < end {
            // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: index + 1, column: column)
    }

    /// Byte range of line `number` (1-based), without its line break.
    public func range(ofLine number: Int, in bytes: [UInt8]) -> Range<Int> {
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, end <= bytes.count, end - 1 >= start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }
}
