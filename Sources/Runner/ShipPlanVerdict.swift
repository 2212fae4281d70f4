import Lint
import SQLSource

/// `replint plan`'s verdict on a file, in the terms `ship` decides by. The
/// planner lives with the rules, which this module never depends on, so the
/// caller hands `ship` a function that plans a document (the CLI passes
/// `MigrationPlanner`), and `ship` asks it for the whole file and for the
/// one part `--part N` names.
public struct ShipPlanVerdict: Sendable {
    public enum Kind: String, Sendable {
        /// Every statement fits the declared order.
        case fits
        /// Every statement fits the other order.
        case needsOrder = "needs-order"
        /// The statements need both orders: ship the parts one by one.
        case split
        /// Some statement breaks replication in both orders.
        case unsafe
    }

    /// One file of a split, in the order to ship them.
    public struct Part: Sendable {
        public let order: ApplyOrder
        public let statements: [String]

        public init(order: ApplyOrder, statements: [String]) {
            self.order = order
            self.statements = statements
        }
    }

    public let kind: Kind
    /// The order the file declares: the side it reaches first.
    public let declared: ApplyOrder
    /// The planner's sentence, e.g. `safe as declared: subscriber-first`.
    public let text: String
    public let parts: [Part]

    public init(kind: Kind, declared: ApplyOrder, text: String, parts: [Part]) {
        self.kind = kind
        self.declared = declared
        self.text = text
        self.parts = parts
    }

    /// The parts, named the way the refusal and `--part` speak of them.
    var partList: String {
        parts.enumerated().map { "part \($0.offset + 1) (\($0.element.order.rawValue), \($0.element.statements.count) statement(s))" }
            .joined(separator: ", ")
    }
}

public typealias ShipPlanner = @Sendable (SQLDocument) -> ShipPlanVerdict

extension ShipPlanVerdict.Part {
    /// The part as a file of its own, its order declared in its first line,
    /// so that the lint gate, the planner and the runner read it exactly as
    /// they would read the split file `replint plan` prints.
    func document(of file: MigrationFile, number: Int) throws(RunSetupError) -> MigrationFile {
        let text = "-- replint: apply-order \(order.rawValue)\n" + statements.joined(separator: "\n") + "\n"
        let path = "\(file.path) (part \(number))"
        do {
            return MigrationFile(name: file.name, path: path, source: try SourceFile(path: path, text: text),
                                 resolvedPath: file.resolvedPath)
        } catch {
            throw RunSetupError("\(path): \(error)")
        }
    }
}
