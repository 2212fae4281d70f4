/// How a file's BEGIN/COMMIT structure it (DESIGN.md "Rules"): what runs
/// inside the file's transaction, what runs in an alembic autocommit block
/// (`COMMIT; X; BEGIN;`), and what breaks either shape. `transaction-control`,
/// the runner and both rehearsals read this one model, so a file the runner
/// refuses never lints clean.
public struct TransactionShape: Sendable {
    /// Statements applied together (`isTransaction`) or each committed on its own.
    public struct Segment: Sendable {
        public let isTransaction: Bool
        public let statements: [Statement]
    }

    public enum Problem: Sendable {
        case nestedBegin(Statement)
        case commitWithoutBegin(Statement)
        case neverCommitted(Statement)
        case rollback(Statement)
        case savepoint(Statement)
        case preparedTransaction(Statement)
        /// Runs before the first BEGIN or after the last COMMIT, on its own.
        case strayStatement(Statement, where: String)
        /// PostgreSQL refuses it inside a transaction block, and it is inside one.
        case needsAutocommitBlock(Statement, what: String, fileHasBegin: Bool)

        public var statement: Statement {
            switch self {
            case .nestedBegin(let s), .commitWithoutBegin(let s), .neverCommitted(let s), .rollback(let s),
                 .savepoint(let s), .preparedTransaction(let s), .strayStatement(let s, _),
                 .needsAutocommitBlock(let s, _, _): s
            }
        }

        /// The runner cannot apply the file as written at all (the others are
        /// shapes it can run, though a failure would leave the file half-applied).
        public var refusesExecution: Bool {
            switch self {
            case .rollback, .savepoint, .preparedTransaction, .needsAutocommitBlock: true
            default: false
            }
        }
    }

    public let segments: [Segment]
    /// Statement index -> its segment's position in `segments` (nil for
    /// BEGIN/COMMIT), so a rule finds a statement's transaction without a
    /// search. An array: indexes run from 0, and a dictionary's first use
    /// costs each run a conformance lookup.
    private let segmentOfStatement: [Int?]
    /// The file's own BEGIN/COMMIT, read as structure rather than sent.
    public let transactionControl: [Statement]
    public let problems: [Problem]
    public init(_ document: SQLDocument) {
        let statements = document.statements
        let kinds = statements.map { $0.node?.transaction?.kind }
        let firstBegin = kinds.firstIndex { $0 == .begin || $0 == .start }
        let lastBegin = kinds.lastIndex { $0 == .begin || $0 == .start }
        var segments: [Segment] = []
        var control: [Statement] = []
        var problems: [Problem] = []
        var current: [Statement] = []
        // Structure follows PostgreSQL: without BEGIN the whole file is the
        // runner's transaction; with one, anything outside BEGIN...COMMIT
        // commits on its own.
        var insideTransaction = firstBegin == nil
        // The findings follow the file as written: a nested BEGIN is reported
        // once, and its COMMIT is not reported again as a stray one.
        var open: Statement? = nil
        var nested = 0
        func flush() {
            guard !current.isEmpty else { return }
            segments.append(Segment(isTransaction: insideTransaction, statements: current))
            current = []
        }
        for (statement, kind) in zip(statements, kinds) {
            guard let kind else {
                current.append(statement)
                if open == nil, statement.node != nil, statement.node?.variableSet == nil, let firstBegin, let lastBegin {
                    if statement.index < firstBegin {
                        problems.append(.strayStatement(statement, where: "before the first BEGIN"))
                    } else if statement.index > lastBegin {
                        problems.append(.strayStatement(statement, where: "after the last COMMIT"))
                    }
                }
                continue
            }
            switch kind {
            case .begin, .start:
                control.append(statement)
                if open != nil {
                    nested += 1
                    problems.append(.nestedBegin(statement))
                } else {
                    open = statement
                }
                if !insideTransaction { flush(); insideTransaction = true }
            case .commit:
                control.append(statement)
                if nested > 0 {
                    nested -= 1
                } else {
                    if open == nil { problems.append(.commitWithoutBegin(statement)) }
                    open = nil
                }
                if insideTransaction { flush(); insideTransaction = false }
            case .rollback:
                problems.append(.rollback(statement))
                open = nil
                nested = 0
                current.append(statement)
            case .savepoint, .release, .rollbackTo:
                problems.append(.savepoint(statement))
                current.append(statement)
            case .prepare, .commitPrepared, .rollbackPrepared, .other:
                problems.append(.preparedTransaction(statement))
                current.append(statement)
            }
        }
        flush()
        if let open { problems.append(.neverCommitted(open)) }
        for segment in segments where segment.isTransaction {
            for s in segment.statements {
                if let what = s.node?.transactionBlockRestriction {
                    problems.append(.needsAutocommitBlock(s, what: what, fileHasBegin: firstBegin != nil))
                }
            }
        }
        self.segments = segments
        var segmentOfStatement = [Int?](repeating: nil, count: statements.count)
        for (k, segment) in segments.enumerated() {
            for statement in segment.statements { segmentOfStatement[statement.index] = k }
        }
        self.segmentOfStatement = segmentOfStatement
        self.transactionControl = control
        self.problems = problems.sorted { $0.statement.index < $1.statement.index }
    }

    /// The segment `statement` runs in; nil for the file's own BEGIN/COMMIT.
    public func segment(of statement: Statement) -> Segment? {
        guard segmentOfStatement.indices.contains(statement.index) else { return nil }
        return segmentOfStatement[statement.index].map { segments[$0] }
    }

    /// Why a statement cannot stay in the file's transaction, and the
    /// autocommit-block form alembic prints for it
    /// (`op.get_context().autocommit_block()`).
    public static func autocommitAdvice(for statement: Statement, what: String, fileHasBegin: Bool) -> String {
        if fileHasBegin {
            return """
            \(what) cannot run inside a transaction block, and this one is inside the file's transaction. \
            Put it in an autocommit block, as alembic's `op.get_context().autocommit_block()` prints it:
            COMMIT;
            \(statement.text);
            BEGIN;
            """
        }
        return """
        \(what) cannot run inside a transaction block, and a file without BEGIN/COMMIT is applied as one \
        transaction. Write the file in alembic's shape, with this statement in an autocommit block:
        BEGIN;
        -- statements before it
        COMMIT;
        \(statement.text);
        BEGIN;
        -- statements after it
        COMMIT;
        """
    }
}
