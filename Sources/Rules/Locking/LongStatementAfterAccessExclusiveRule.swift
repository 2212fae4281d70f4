import Lint
import Schema
import SQLSource

extension RuleID {
    public static let longStatementAfterAccessExclusive: RuleID = "long-statement-after-access-exclusive"
}

/// An index build, backfill, validation or rewrite after a statement of the
/// same transaction took ACCESS EXCLUSIVE on a table that has readers: the
/// lock is held until COMMIT, so the brief lock lasts as long as the long part.
public struct LongStatementAfterAccessExclusiveRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .longStatementAfterAccessExclusive,
        name: "Long statement while an ACCESS EXCLUSIVE lock is held",
        category: .locking,
        defaultSeverity: .error,
        summary: "An index build, backfill (UPDATE, DELETE, INSERT ... SELECT), validation scan or rewrite after an earlier statement of the same transaction took ACCESS EXCLUSIVE on a table that existed before the file.",
        rationale: """
        PostgreSQL releases a lock at the end of the transaction, not of the statement. Once an \
        ALTER TABLE (or RENAME, TRUNCATE, LOCK TABLE, CLUSTER) has taken ACCESS EXCLUSIVE on a \
        table, nothing reads or writes that table until COMMIT — so an ADD COLUMN that takes the \
        lock for a millisecond becomes an outage when a `CREATE INDEX`, a backfill `UPDATE`, an \
        `INSERT ... SELECT`, a `VALIDATE CONSTRAINT` or a rewrite follows it in the same \
        transaction. The transaction is the one the shared transaction-shape model sees: the \
        file's `BEGIN ... COMMIT`, or the whole file when it has no BEGIN; an alembic autocommit \
        block (`COMMIT; ...; BEGIN;`) ends it. Not reported when the long statement takes ACCESS \
        EXCLUSIVE on that same table itself (its own rule says so), nor for a VALIDATE CONSTRAINT \
        that `constraint-missing-not-valid` reports. squawk does not check this. \
        \(LockingNotes.createdInFile)
        """,
        safeAlternative: """
        End the transaction after the statement that takes the lock, and run the long part in a \
        later one: `COMMIT; BEGIN;` between them, an index built `CONCURRENTLY` in an autocommit \
        block, or the backfill in a later migration.
        """,
        triggeringExamples: [
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN region text;\n↓UPDATE hbi.hosts SET region = 'eu' WHERE region IS NULL;\nCOMMIT;",
                        note: "A backfill after ADD COLUMN", baseline: LockingBaselines.hosts),
            RuleExample("BEGIN;\nALTER TABLE hbi.groups ALTER COLUMN name SET DEFAULT '';\n↓CREATE INDEX ix_hosts_name ON hbi.hosts (display_name);\nCOMMIT;",
                        note: "An index build on another table", baseline: LockingBaselines.hosts),
            RuleExample("ALTER TABLE \"hbi\".\"Hosts\" RENAME COLUMN a TO b;\n↓ALTER TABLE \"hbi\".\"Hosts\" VALIDATE CONSTRAINT c;",
                        note: "A file without BEGIN is one transaction; quoted names, no baseline"),
            RuleExample("BEGIN;\nLOCK TABLE hbi.groups;\n↓INSERT INTO hbi.hosts (id, group_id) SELECT id, id FROM hbi.groups;\nCOMMIT;", baseline: LockingBaselines.hosts),
            RuleExample("BEGIN;\nALTER TABLE hbi.groups ADD COLUMN region text;\n↓ALTER TABLE hbi.hosts ALTER COLUMN note SET NOT NULL;\nCOMMIT;",
                        note: "Before 12 a validated CHECK does not spare SET NOT NULL its scan", baseline: LockingBaselines.hostsWithProvenNote, postgresVersion: 11),
        ],
        nonTriggeringExamples: [
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN region text;\nCOMMIT;\nCREATE INDEX CONCURRENTLY ix_hosts_region ON hbi.hosts (region);\nBEGIN;\nCOMMIT;",
                        note: "The autocommit block ends the transaction", baseline: LockingBaselines.hosts),
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN region text;\nCOMMIT;\nBEGIN;\nUPDATE hbi.hosts SET region = 'eu';\nCOMMIT;",
                        note: "The backfill in a later transaction", baseline: LockingBaselines.hosts),
            RuleExample("CREATE TABLE hbi.t (a int);\nALTER TABLE hbi.t ADD COLUMN b int;\nCREATE INDEX ix_t_b ON hbi.t (b);\nUPDATE hbi.t SET b = a;",
                        note: "A table created in the same file"),
            RuleExample("CREATE TABLE hbi.c AS SELECT 1 AS a;\nALTER TABLE hbi.c ADD COLUMN b int;\nUPDATE hbi.c SET b = a;", note: "A CREATE TABLE AS table"),
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN region text;\nALTER TABLE hbi.hosts ALTER COLUMN note SET NOT NULL;\nCOMMIT;",
                        note: "The scan takes ACCESS EXCLUSIVE on the same table itself: adding-not-nullable-field says so", baseline: LockingBaselines.hosts),
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD CONSTRAINT c CHECK (price > 0) NOT VALID;\nALTER TABLE hbi.hosts VALIDATE CONSTRAINT c;\nCOMMIT;",
                        note: "constraint-missing-not-valid reports this one"),
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN region text;\nUPDATE alembic_version SET version_num='b2' WHERE alembic_version.version_num = 'a1';\nCOMMIT;",
                        note: "alembic's own one-row table (alembic-version-table reports the statement)"),
            RuleExample("BEGIN;\nCREATE INDEX ix_hosts_name ON hbi.hosts (display_name);\nALTER TABLE hbi.hosts ADD COLUMN region text;\nCOMMIT;",
                        note: "The long statement comes first", baseline: LockingBaselines.hosts),
            RuleExample("BEGIN;\nALTER TABLE hbi.groups ADD COLUMN region text;\nALTER TABLE hbi.hosts ALTER COLUMN note SET NOT NULL;\nCOMMIT;",
                        note: "Since 12 a validated CHECK (note IS NOT NULL) makes SET NOT NULL skip the scan", baseline: LockingBaselines.hostsWithProvenNote, postgresVersion: 12),
        ],
        notes: LockingNotes.make(
            lock: "ACCESS EXCLUSIVE, held from the statement that takes it until COMMIT; the long statement adds its own lock (SHARE for CREATE INDEX, ROW EXCLUSIVE for UPDATE, SHARE UPDATE EXCLUSIVE for VALIDATE) to it.",
            docs: LockingNotes.alterTable))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let work = LongStatements.work(statement, context), context.runsInTransaction(statement) else { return [] }
        if let alter = statement.node?.alterTable, let locked = context.lockedTable(alter.relation),
           alter.commands.contains(where: { command in
               (command.action == .validateConstraint || command.action == .validateConstraintRecurse)
                   && command.name.flatMap { ConstraintMissingNotValidRule.addedNotValid($0, on: locked, before: statement, context) } != nil
           }) { return [] }
        let ownLocks = Set(statement.node.map(LockModes.accessExclusiveRelations)?.map(context.tableName) ?? [])
        let transaction = context.transactionStatements(of: statement)
        guard let start = transaction.first?.index else { return [] }
        // The nearest lock is enough to name: ending the transaction before
        // this statement releases every earlier one too. Only the statements
        // that take ACCESS EXCLUSIVE are looked at, so a run of long
        // statements with no lock before them costs each one a binary search.
        let lockers = context.facts.fileValue { AccessExclusiveStatements(context.document) }.statements
        for (earlier, node) in lockers[..<lockers.partitioningIndex { $0.statement.index >= statement.index }].reversed() {
            guard earlier.index >= start else { break }
            let member = transaction.partitioningIndex { $0.index >= earlier.index }
            guard member < transaction.count, transaction[member].index == earlier.index else { continue }
            for relation in LockModes.accessExclusiveRelations(node) {
                guard let locked = context.lockedTable(relation), !ownLocks.contains(context.tableName(relation)) else { continue }
                let line = earlier.location.line
                return [.lock(statement, "\(work) while the ACCESS EXCLUSIVE lock that line \(line) took on \(locked.sql) is held: nothing reads or writes \(locked.sql) until this statement ends and the transaction commits",
                              help: "End the transaction that took the lock (line \(line): `\(earlier.head)`) before this statement, so the lock lasts only as long as that statement:\n\(Self.laterTransaction(statement, context))",
                              predicting: [locked.predicts(.accessExclusive)])]
            }
        }
        return []
    }

    /// The statement moved to a transaction of its own: an index built
    /// concurrently in an autocommit block, anything else after COMMIT; BEGIN;.
    static func laterTransaction(_ statement: Statement, _ context: LintContext) -> String {
        if let index = statement.node?.createIndex, let locked = context.lockedTable(index.relation), !locked.isPartitioned {
            return StatementText.autocommitBlock(StatementText.inserting("CONCURRENTLY", after: "INDEX", in: statement.text))
        }
        return "COMMIT;\nBEGIN;\n\(statement.text);"
    }
}

/// The file's statements that take ACCESS EXCLUSIVE on some table, in file
/// order: a file fact (`StatementFacts.fileValue`), found once per file.
private struct AccessExclusiveStatements {
    let statements: [(statement: Statement, node: Node)]

    init(_ document: SQLDocument) {
        statements = document.statements.compactMap { statement in
            statement.node.flatMap { LockModes.accessExclusiveRelations($0).isEmpty ? nil : (statement, $0) }
        }
    }
}
