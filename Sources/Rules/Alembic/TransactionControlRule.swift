import Lint
import SQLSource

/// BEGIN/COMMIT/ROLLBACK that do not form alembic's shapes.
public struct TransactionControlRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "transaction-control",
        name: "Transaction control outside alembic's shapes",
        category: .alembic,
        defaultSeverity: .error,
        summary: "BEGIN/COMMIT/ROLLBACK/SAVEPOINT in a shape that could leave a run half-applied.",
        rationale: """
        The runner applies a file in one transaction. Alembic's offline SQL has two legitimate \
        shapes, and both are accepted: one `BEGIN; ... COMMIT;` pair wrapping the file (the \
        runner's transaction), and inside it autocommit blocks, `COMMIT; <statements>; BEGIN;`, \
        for statements that cannot run in a transaction (empty statements `;` included). Anything \
        else decides on its own what commits: a BEGIN that is never committed, a COMMIT without \
        BEGIN, a nested BEGIN, a ROLLBACK, savepoints, prepared transactions, or statements \
        before the first BEGIN or after the last COMMIT (they commit on their own, so a later \
        failure leaves the file half-applied). `END` closing a `BEGIN ATOMIC` body is part of a \
        function, not a COMMIT.
        """,
        safeAlternative: """
        Keep alembic's shape: `BEGIN;` first, `COMMIT;` last, and `COMMIT; CREATE INDEX \
        CONCURRENTLY ...; BEGIN;` only around statements that cannot run in a transaction. Drop \
        ROLLBACK and SAVEPOINT: the runner rolls back on any error by itself.
        """,
        triggeringExamples: [
            RuleExample("↓BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN x int;\n", note: "Never committed"),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN x int;\n↓COMMIT;", note: "COMMIT without BEGIN"),
            RuleExample("BEGIN;\n↓BEGIN;\nSELECT 1;\nCOMMIT;\nCOMMIT;"),
            RuleExample("BEGIN;\nSELECT 1;\n↓ROLLBACK;"),
            RuleExample("BEGIN;\n↓SAVEPOINT a;\nSELECT 1;\n↓RELEASE SAVEPOINT a;\nCOMMIT;"),
            RuleExample("BEGIN;\nSELECT 1;\nCOMMIT;\n↓DROP TABLE hbi.old;", note: "Runs after the transaction, on its own"),
        ],
        nonTriggeringExamples: [
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN x int;\nCOMMIT;"),
            RuleExample("""
            BEGIN;
            ALTER TABLE hbi.hosts ADD COLUMN x int;
            COMMIT;
            CREATE INDEX CONCURRENTLY ix_hosts_x ON hbi.hosts (x);
            ;
            BEGIN;
            UPDATE hbi.t SET y = 1;
            COMMIT;
            """, note: "An alembic autocommit block"),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN x int;", note: "No transaction statements: the runner adds its own"),
            RuleExample("BEGIN;\nCREATE FUNCTION hbi.one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\nCOMMIT;"),
        ])

    public func checkFile(_ context: LintContext) -> [Violation] {
        let statements = context.document.statements
        guard statements.contains(where: { $0.node?.transaction != nil }) else { return [] }
        var violations: [Violation] = []
        var open: Statement?
        var nested = 0
        var sawBegin = false
        for statement in statements {
            guard let kind = statement.node?.transaction?.kind else {
                if open == nil, statement.node != nil, statement.node?.variableSet == nil,
                   let when = outsideTransaction(statement, sawBegin: sawBegin, statements: statements) {
                    violations.append(Violation(range: statement.range, message: "this statement runs \(when), outside the file's transaction, and commits on its own"))
                }
                continue
            }
            switch kind {
            case .begin, .start:
                if open != nil {
                    nested += 1
                    violations.append(Violation(range: statement.range, message: "BEGIN inside an open transaction: PostgreSQL ignores it with a warning, and the next COMMIT commits both"))
                } else {
                    open = statement
                    sawBegin = true
                }
            case .commit:
                if nested > 0 { nested -= 1; continue }
                if open == nil {
                    violations.append(Violation(range: statement.range, message: "COMMIT without a BEGIN before it"))
                }
                open = nil
            case .rollback:
                violations.append(Violation(range: statement.range, message: "ROLLBACK in a migration undoes its own work or hides a failure; the runner rolls back on error by itself"))
                open = nil
                nested = 0
            case .savepoint, .release, .rollbackTo:
                violations.append(Violation(range: statement.range, message: "savepoints in a migration decide on their own what survives a failure"))
            case .prepare, .commitPrepared, .rollbackPrepared, .other:
                violations.append(Violation(range: statement.range, message: "prepared transactions do not belong in a migration"))
            }
        }
        if let open {
            violations.append(Violation(range: open.range, message: "this BEGIN is never committed: everything after it would be rolled back when the session ends"))
        }
        return violations
    }

    /// Where a statement outside any transaction stands, when that is not
    /// alembic's autocommit block (between a COMMIT and a later BEGIN): before
    /// the file's first BEGIN, or after its last COMMIT. Nil when it is fine.
    private func outsideTransaction(_ statement: Statement, sawBegin: Bool, statements: [Statement]) -> String? {
        let beginFollows = statements[(statement.index + 1)...].contains {
            let kind = $0.node?.transaction?.kind
            return kind == .begin || kind == .start
        }
        if sawBegin { return beginFollows ? nil : "after the last COMMIT" }
        return beginFollows ? "before the first BEGIN" : nil
    }
}
