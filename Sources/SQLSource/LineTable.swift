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

/// Start offset of every line, so that offset -> line is a binary search;
/// and the count of Unicode scalars before every `stride` bytes, so that a
/// column on a long line (a minified file, thousands of statements on one
/// line) costs at most `stride` bytes of counting, not the line's length.
public struct LineTable: Sendable {
    public let starts: [Int]
    /// `scalarCheckpoints[k]`: scalars in `bytes[0 ..< k * stride]`.
    private let scalarCheckpoints: [Int]
    private static let stride = 4096

    init(_ bytes: [UInt8], firstLineStart: Int) {
        var starts = [firstLineStart]
        starts.reserveCapacity(bytes.count / 32 + 1)
        var checkpoints = [0]
        checkpoints.reserveCapacity(bytes.count / Self.stride + 2)
        var scalars = 0
        for (i, b) in bytes.enumerated() {
            if i & (Self.stride - 1) == 0, i > 0 { checkpoints.append(scalars) }
            if b & 0xC0 != 0x80 { scalars += 1 }
            if b == 0x0A { starts.append(i + 1) }
        }
        if !bytes.isEmpty, bytes.count & (Self.stride - 1) == 0 { checkpoints.append(scalars) }
        self.starts = starts
        self.scalarCheckpoints = checkpoints
    }

    public var count: Int { starts.count }

    /// 0-based index of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        max(0, starts.partitioningIndex { $0 > offset } - 1)
    }

    public func location(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let index = lineIndex(of: offset)
        let start = starts[index]
        let end = min(offset, bytes.count)
        guard end - start > Self.stride else {
            return SourceLocation(line: index + 1, column: 1 + Self.scalars(in: bytes, start..<max(start, end)))
        }
        return SourceLocation(line: index + 1, column: 1 + scalars(before: end, in: bytes) - scalars(before: start, in: bytes))
    }

    /// Scalars in `bytes[0 ..< offset]`, from the nearest checkpoint.
    private func scalars(before offset: Int, in bytes: [UInt8]) -> Int {
        let k = offset / Self.stride
        return scalarCheckpoints[k] + Self.scalars(in: bytes, k * Self.stride..<offset)
    }

    /// Every byte that is not a UTF-8 continuation byte starts a scalar.
    private static func scalars(in bytes: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        for i in range where bytes[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Byte range of line `number` (1-based), without its line break.
    public func range(ofLine number: Int, in bytes: [UInt8]) -> Range<Int> {
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, end <= bytes.count, end - 1 >= start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }
}
