/// The file's `ALTER TYPE ... ADD VALUE` statements in order, read once per
/// file, so a rule asking "did this transaction add a value before me?"
/// looks at those few statements, not at the whole transaction.
public struct EnumValueAdditions: Sendable {
    public let statements: [Statement]

    public init(_ document: SQLDocument) {
        statements = document.statements.filter { statement in
            guard let alter = statement.node?.alterEnum else { return false }
            return alter.oldLabel == nil
        }
    }

    /// The additions with index in `indices`, in order.
    public func within(_ indices: Range<Int>) -> ArraySlice<Statement> {
        statements[statements.partitioningIndex { $0.index >= indices.lowerBound }..<statements.partitioningIndex { $0.index >= indices.upperBound }]
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for an array in
    /// which every element that satisfies it follows every one that does not.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if belongs(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
