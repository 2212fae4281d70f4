/// Binary searches over things kept in file order, so that a question
/// asked once per statement or finding costs O(log n), not the file.

extension Array {
    /// The first index whose element satisfies `belongs`, for an array in
    /// which every element that satisfies it follows every one that does not.
    public func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if belongs(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

extension SQLDocument {
    /// The statement whose full range (leading comments included) holds
    /// `offset`, by binary search: statements are in file order.
    public func statement(containing offset: Int) -> Statement? {
        let index = statements.partitioningIndex { $0.fullRange.upperBound > offset }
        guard index < statements.count, statements[index].fullRange.contains(offset) else { return nil }
        return statements[index]
    }
}

/// Ranges to test for containment of other ranges, in O(log n) a test.
public struct ContainingRanges: Sendable {
    private let ranges: [Range<Int>]
    /// The largest upper bound among `ranges[0...k]`.
    private let reach: [Int]

    public init(_ ranges: [Range<Int>]) {
        self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var most = Int.min
        reach = self.ranges.map { most = max(most, $0.upperBound); return most }
    }

    /// True when one of the ranges holds all of `range`.
    public func contain(_ range: Range<Int>) -> Bool {
        let count = ranges.partitioningIndex { $0.lowerBound > range.lowerBound }
        return count > 0 && reach[count - 1] >= range.upperBound
    }
}
