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
