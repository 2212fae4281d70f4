import SQLSource

/// The order a file declares: `-- replint: apply-order publisher-first`
/// before its first statement wins, then `replication.files` in the
/// configuration, then `replication.apply_order` (subscriber-first by default).
public struct ApplyOrderDeclaration: Sendable {
    public enum Source: String, Sendable {
        case comment, configurationFile = "replication.files", configuration = "replication.apply_order"
    }

    public let order: ApplyOrder
    public let source: Source
    /// Declarations that could not be honoured: misplaced, unknown, or in conflict.
    public let problems: [(range: Range<Int>, message: String)]

    static let marker = "replint:"

    public init(document: SQLDocument, configuration: Configuration) {
        var declared: (ApplyOrder, Range<Int>)?
        var problems: [(Range<Int>, String)] = []
        let firstStatement = document.statements.first?.range.lowerBound ?? Int.max
        for comment in document.comments {
            let body = comment.body
            guard body.hasPrefix(Self.marker) else { continue }
            let words = body.dropFirst(Self.marker.count).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.first == "apply-order" else { continue }
            let value = words.dropFirst().first.map(String.init) ?? ""
            guard let order = ApplyOrder(rawValue: value), order == .subscriberFirst || order == .publisherFirst else {
                problems.append((comment.range, "`-- replint: apply-order` takes subscriber-first or publisher-first, not `\(value)`"))
                continue
            }
            if comment.range.lowerBound > firstStatement {
                problems.append((comment.range, "`-- replint: apply-order` must come before the file's first statement; this one is ignored"))
            } else if let (previous, _) = declared, previous != order {
                problems.append((comment.range, "the file declares two apply orders: \(previous.rawValue) and \(order.rawValue)"))
            } else {
                declared = (order, comment.range)
            }
        }
        self.problems = problems
        if let (order, _) = declared {
            self.order = order
            self.source = .comment
        } else if let match = configuration.fileApplyOrders.first(where: { configuration.matches($0.glob, path: document.file.path) }) {
            self.order = match.order
            self.source = .configurationFile
        } else {
            self.order = configuration.applyOrder
            self.source = .configuration
        }
    }
}
