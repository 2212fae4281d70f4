import Lint
import SQLSource

extension RuleID {
    public static let transactionControl: RuleID = "transaction-control"
    // squawk's ids for the causes this rule reports.
    public static let banConcurrentIndexCreationInTransaction: RuleID = "ban-concurrent-index-creation-in-transaction"
    public static let transactionNesting: RuleID = "transaction-nesting"
    public static let banUncommittedTransaction: RuleID = "ban-uncommitted-transaction"
}

/// BEGIN/COMMIT/ROLLBACK that do not form alembic's shapes.
public struct TransactionControlRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .transactionControl,
        aliases: [.banConcurrentIndexCreationInTransaction, .transactionNesting, .banUncommittedTransaction],
        name: "Transaction control outside alembic's shapes",
        category: .alembic,
        defaultSeverity: .error,
        summary: "BEGIN/COMMIT/ROLLBACK/SAVEPOINT in a shape that could leave a run half-applied, or a statement PostgreSQL refuses inside the file's transaction.",
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
        ROLLBACK and SAVEPOINT: the runner rolls back on any error by itself. A statement \
        PostgreSQL refuses inside a transaction block (CREATE/DROP INDEX CONCURRENTLY, REINDEX \
        CONCURRENTLY, DETACH PARTITION ... CONCURRENTLY, VACUUM, CREATE DATABASE, ALTER SYSTEM, \
        ALTER SUBSCRIPTION ... REFRESH PUBLICATION, ...) goes in such a block; inside the file's \
        transaction it fails the whole run (`CREATE INDEX CONCURRENTLY cannot run inside a \
        transaction block`), which `replint run` refuses before anything runs.
        """,
        triggeringExamples: [
            RuleExample("↓BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN x int;\n", note: "Never committed"),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN x int;\n↓COMMIT;", note: "COMMIT without BEGIN"),
            RuleExample("BEGIN;\n↓BEGIN;\nSELECT 1;\nCOMMIT;\nCOMMIT;"),
            RuleExample("BEGIN;\nSELECT 1;\n↓ROLLBACK;"),
            RuleExample("BEGIN;\n↓SAVEPOINT a;\nSELECT 1;\n↓RELEASE SAVEPOINT a;\nCOMMIT;"),
            RuleExample("BEGIN;\nSELECT 1;\nCOMMIT;\n↓DROP TABLE hbi.old;", note: "Runs after the transaction, on its own"),
            RuleExample("BEGIN;\n↓CREATE INDEX CONCURRENTLY ix_hosts_x ON hbi.hosts (x);\nCOMMIT;", note: "Refused by PostgreSQL inside the file's transaction: put it in an autocommit block"),
            RuleExample("↓CREATE INDEX CONCURRENTLY ix_hosts_x ON hbi.hosts (x);", note: "A file without BEGIN/COMMIT is applied as one transaction"),
            RuleExample("BEGIN;\n↓VACUUM FULL hbi.hosts;\nCOMMIT;"),
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN x int;\n↓DROP INDEX CONCURRENTLY hbi.ix_old;\nCOMMIT;"),
            RuleExample("BEGIN;\n↓REINDEX INDEX CONCURRENTLY hbi.ix_hosts_x;\nCOMMIT;"),
            RuleExample("BEGIN;\n↓ALTER TABLE hbi.events DETACH PARTITION hbi.events_2020 CONCURRENTLY;\nCOMMIT;"),
            RuleExample("BEGIN;\n↓ALTER SUBSCRIPTION s REFRESH PUBLICATION;\nCOMMIT;"),
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
            RuleExample("BEGIN;\nCOMMIT;\nVACUUM FULL hbi.hosts;\nBEGIN;\nCOMMIT;", note: "Alembic's shape for a migration with only an autocommit block"),
            RuleExample("BEGIN;\nCREATE INDEX ix_hosts_x ON hbi.hosts (x);\nREINDEX INDEX hbi.ix_hosts_x;\nANALYZE hbi.hosts;\nCOMMIT;", note: "These run in a transaction"),
            RuleExample("BEGIN;\nALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false);\nCOMMIT;", note: "No refresh: allowed in a transaction (replication-publication-ddl still reports it)"),
        ])

    public func checkFile(_ context: LintContext) -> [Violation] {
        context.transactionShape.problems.map { Violation(range: $0.statement.range, message: message($0)) }
    }

    private func message(_ problem: TransactionShape.Problem) -> String {
        switch problem {
        case .nestedBegin:
            "BEGIN inside an open transaction: PostgreSQL ignores it with a warning, and the next COMMIT commits both"
        case .commitWithoutBegin:
            "COMMIT without a BEGIN before it"
        case .neverCommitted:
            "this BEGIN is never committed: everything after it would be rolled back when the session ends"
        case .rollback:
            "ROLLBACK in a migration undoes its own work or hides a failure; the runner rolls back on error by itself"
        case .savepoint:
            "savepoints in a migration decide on their own what survives a failure"
        case .preparedTransaction:
            "prepared transactions do not belong in a migration"
        case .strayStatement(_, let place):
            "this statement runs \(place), outside the file's transaction, and commits on its own"
        case .needsAutocommitBlock(let statement, let what, let fileHasBegin):
            TransactionShape.autocommitAdvice(for: statement, what: what, fileHasBegin: fileHasBegin)
        }
    }
}
