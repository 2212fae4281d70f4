/// How a migration file is applied: its own BEGIN/COMMIT are not sent but
/// read as structure. Alembic's shape is one transaction wrapping the file,
/// with autocommit blocks (`COMMIT; X; BEGIN;`) whose statements run outside
/// any transaction. A file without BEGIN/COMMIT is one transaction.
/// The runner and the rehearsal both execute this plan.
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
        case needsAutocommitBlock(Statement, what: String)

        public var description: String {
            switch self {
            case .unsupportedTransactionControl(let s):
                return "line \(s.location.line): `\(s.head)` is not part of alembic's shapes; the runner cannot apply it safely"
            case .needsAutocommitBlock(let s, let what):
                return """
                line \(s.location.line): \(what) cannot run inside a transaction block, and this one is inside the file's transaction. \
                Put it in an autocommit block, as alembic's `op.get_context().autocommit_block()` prints it:
                COMMIT;
                \(s.text);
                BEGIN;
                """
            }
        }
    }

    public init(_ document: SQLDocument) throws(PlanError) {
        var steps: [Step] = []
        var control: [Statement] = []
        var current: [Statement] = []
        let hasBegin = document.statements.contains { Self.isBegin($0) }
        // Without BEGIN the whole file is the runner's transaction; with one,
        // anything outside BEGIN...COMMIT commits on its own.
        var insideTransaction = !hasBegin
        func flush() {
            guard !current.isEmpty else { return }
            steps.append(insideTransaction ? .transaction(current) : .autocommit(current))
            current = []
        }
        for statement in document.statements {
            guard let kind = statement.node?.transaction?.kind else {
                current.append(statement)
                continue
            }
            switch kind {
            case .begin, .start:
                control.append(statement)
                if !insideTransaction { flush(); insideTransaction = true }
            case .commit:
                control.append(statement)
                if insideTransaction { flush(); insideTransaction = false }
            default:
                throw .unsupportedTransactionControl(statement)
            }
        }
        flush()
        for case .transaction(let statements) in steps {
            if let s = statements.first(where: { $0.node?.transactionBlockRestriction != nil }) {
                throw .needsAutocommitBlock(s, what: s.node?.transactionBlockRestriction ?? "")
            }
        }
        self.steps = steps
        self.transactionControl = control
    }

    private static func isBegin(_ s: Statement) -> Bool {
        let kind = s.node?.transaction?.kind
        return kind == .begin || kind == .start
    }
}
