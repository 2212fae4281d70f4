/// How a migration file is applied: its own BEGIN/COMMIT are not sent but
/// read as structure. Alembic's shape is one transaction wrapping the file,
/// with autocommit blocks (`COMMIT; X; BEGIN;`) whose statements run outside
/// any transaction. A file without BEGIN/COMMIT is one transaction.
/// The runner and the rehearsal both execute this plan; it is read off the
/// one `TransactionShape` that `transaction-control` checks too.
public struct ExecutionPlan: Sendable {
    public enum Step: Sendable {
        /// Statements applied together, committed (or rolled back) as one.
        case transaction([Statement])
        /// Statements each committed on its own, outside any transaction.
        case autocommit([Statement])

        public var statements: [Statement] {
            switch self {
            case .transaction(let s), .autocommit(let s): s
            }
        }
        public var isTransaction: Bool { if case .transaction = self { true } else { false } }
    }

    public let steps: [Step]

    /// The file's own BEGIN/COMMIT statements, consumed rather than sent.
    public let transactionControl: [Statement]

    /// True when some statements commit on their own: a failure after them
    /// leaves the file applied in parts, by the file's own design.
    public var appliesInParts: Bool { steps.contains { !$0.isTransaction } }

    public var statements: [Statement] { steps.flatMap(\.statements) }

    public enum PlanError: Error, Sendable, CustomStringConvertible {
        /// ROLLBACK, SAVEPOINT and the like: the file decides on its own what survives.
        case unsupportedTransactionControl(Statement)
        /// A statement PostgreSQL refuses inside a transaction block, outside an autocommit block.
        case needsAutocommitBlock(Statement, what: String, fileHasBegin: Bool)

        public var description: String {
            switch self {
            case .unsupportedTransactionControl(let s):
                return "line \(s.location.line): `\(s.head)` is not part of alembic's shapes; the runner cannot apply it safely"
            case .needsAutocommitBlock(let s, let what, let fileHasBegin):
                return "line \(s.location.line): " + TransactionShape.autocommitAdvice(for: s, what: what, fileHasBegin: fileHasBegin)
            }
        }
    }

    public init(_ document: SQLDocument) throws(PlanError) {
        try self.init(TransactionShape(document))
    }

    /// The shape's segments, or the first problem that makes the file
    /// impossible to apply as written.
    public init(_ shape: TransactionShape) throws(PlanError) {
        if let problem = shape.problems.first(where: \.refusesExecution) {
            switch problem {
            case .needsAutocommitBlock(let s, let what, let fileHasBegin):
                throw .needsAutocommitBlock(s, what: what, fileHasBegin: fileHasBegin)
            default:
                throw .unsupportedTransactionControl(problem.statement)
            }
        }
        self.steps = shape.segments.map { $0.isTransaction ? .transaction($0.statements) : .autocommit($0.statements) }
        self.transactionControl = shape.transactionControl
    }
}
