import Lint
import Schema
import SQLSource

extension RuleID {
    public static let constraintMissingNotValid: RuleID = "constraint-missing-not-valid"
}

/// A CHECK constraint added with a full scan under ACCESS EXCLUSIVE, or a
/// NOT VALID constraint validated in the transaction that added it.
public struct ConstraintMissingNotValidRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .constraintMissingNotValid,
        name: "Constraint added without NOT VALID",
        category: .locking,
        defaultSeverity: .error,
        summary: "ADD CONSTRAINT ... CHECK without NOT VALID, or ADD CONSTRAINT ... EXCLUDE, on a table that existed before the file; or VALIDATE CONSTRAINT in the transaction that added it NOT VALID.",
        rationale: """
        Adding a CHECK constraint scans the whole table under an ACCESS EXCLUSIVE lock: nothing \
        reads or writes the table until the scan ends and the transaction commits. Added NOT \
        VALID, it only applies to new rows and the lock is brief; `VALIDATE CONSTRAINT` then scans \
        under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on — but only in a later \
        transaction: in the same one, the ADD's ACCESS EXCLUSIVE lock is still held, and the \
        pair gains nothing. (Foreign keys: `adding-foreign-key-constraint`.) An EXCLUDE constraint \
        builds its index and checks every row under ACCESS EXCLUSIVE, and PostgreSQL allows NOT \
        VALID only on CHECK and FOREIGN KEY constraints (`EXCLUDE constraints cannot be marked NOT \
        VALID`): there is no non-blocking way to add one, so the finding says to check the data \
        first and run it alone in a quiet moment; squawk reports it under this id too. \
        \(LockingNotes.createdInFile)
        """,
        safeAlternative: """
        `ALTER TABLE t ADD CONSTRAINT c CHECK (...) NOT VALID;`, commit, then `ALTER TABLE t \
        VALIDATE CONSTRAINT c;` in a later transaction (a later file, or after an autocommit \
        block's COMMIT).
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts ADD CONSTRAINT positive_price CHECK (price > 0);"),
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD CONSTRAINT c CHECK (price > 0) NOT VALID;\n↓ALTER TABLE hbi.hosts VALIDATE CONSTRAINT c;\nCOMMIT;",
                        note: "NOT VALID and VALIDATE in one transaction gain nothing"),
            RuleExample("BEGIN;\n↓ALTER TABLE \"hbi\".\"Bookings\" ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);\nCOMMIT;",
                        note: "EXCLUDE cannot be NOT VALID"),
            RuleExample("↓ALTER TABLE hbi.hosts ADD CONSTRAINT one_per_group EXCLUDE USING btree (group_id WITH =);", baseline: LockingBaselines.hosts),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.hosts ADD CONSTRAINT c CHECK (price > 0) NOT VALID;"),
            RuleExample("""
            BEGIN;
            ALTER TABLE hbi.hosts ADD CONSTRAINT c CHECK (price > 0) NOT VALID;
            COMMIT;
            ALTER TABLE hbi.hosts VALIDATE CONSTRAINT c;
            BEGIN;
            COMMIT;
            """, note: "VALIDATE in a later transaction"),
            RuleExample("CREATE TABLE hbi.t (a int);\nALTER TABLE hbi.t ADD CONSTRAINT c CHECK (a > 0);", note: "A table created in the same file"),
            RuleExample("CREATE TABLE hbi.t (a int4range);\nALTER TABLE hbi.t ADD CONSTRAINT x EXCLUDE USING gist (a WITH &&);", note: "EXCLUDE on a table created in the same file"),
            RuleExample("CREATE TABLE hbi.c AS SELECT int4range(1, 2) AS a;\nALTER TABLE hbi.c ADD CONSTRAINT x EXCLUDE USING gist (a WITH &&);", note: "A CREATE TABLE AS table"),
        ],
        notes: LockingNotes.make(
            lock: "ADD CONSTRAINT ... CHECK: ACCESS EXCLUSIVE for the scan. NOT VALID: ACCESS EXCLUSIVE, briefly. VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE. ADD CONSTRAINT ... EXCLUDE: ACCESS EXCLUSIVE for the index build and the check.",
            docs: LockingNotes.alterTable))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let alter = statement.node?.alterTable, let locked = context.lockedTable(alter.relation) else { return [] }
        var out: [Violation] = []
        for added in alter.addedConstraints where added.constraint.kind == .check && !added.constraint.skipsValidation && added.newColumn == nil {
            let name = added.constraint.name ?? ConstraintNames.make(locked.relation.name, [], "check")
            let expression = added.constraint.expression?.sqlText ?? "..."
            out.append(.lock(statement, "adds CHECK `\(name)` to \(locked.sql) with a full scan under ACCESS EXCLUSIVE: nothing reads or writes \(locked.sql) until it ends",
                             help: """
                             Add it NOT VALID (new rows only, a brief lock), and validate it in a later transaction (SHARE UPDATE EXCLUSIVE, reads and writes go on):
                             ALTER TABLE \(locked.sql) ADD CONSTRAINT \(quoteIdentifier(name)) CHECK (\(expression)) NOT VALID;
                             COMMIT;
                             BEGIN;
                             ALTER TABLE \(locked.sql) VALIDATE CONSTRAINT \(quoteIdentifier(name));
                             """, predicting: [locked.predicts(.accessExclusive)]))
        }
        for added in alter.addedConstraints where added.constraint.kind == .exclusion {
            let name = added.constraint.name ?? ConstraintNames.make(locked.relation.name, [], "excl")
            let method = added.constraint.indexMethod ?? "btree"
            out.append(.lock(statement, "adds EXCLUDE `\(name)` to \(locked.sql), building its \(method) index and checking every row under ACCESS EXCLUSIVE: nothing reads or writes \(locked.sql) until it ends\(context.runsInTransaction(statement) ? " and the transaction commits" : ""); it fails if existing rows conflict",
                             help: Self.exclusionHelp(statement, context), predicting: [locked.predicts(.accessExclusive)]))
        }
        for command in alter.commands where command.action == .validateConstraint || command.action == .validateConstraintRecurse {
            guard let name = command.name, let added = Self.addedNotValid(name, on: locked, before: statement, context) else { continue }
            out.append(.lock(statement, "validates `\(name)` in the transaction that added it NOT VALID (line \(added.location.line)): the ADD's ACCESS EXCLUSIVE lock on \(locked.sql) is held until COMMIT, so the scan blocks everything anyway",
                             help: "Commit between the two: end the transaction after the ADD ... NOT VALID and validate in a later one (a later file, or after `COMMIT;` in an autocommit block).",
                             predicting: [locked.predicts(.accessExclusive)]))
        }
        return out
    }

    /// PostgreSQL offers no way around the lock for an exclusion constraint:
    /// NOT VALID is refused (`EXCLUDE constraints cannot be marked NOT VALID`)
    /// and `USING INDEX` takes only a unique btree index.
    static func exclusionHelp(_ statement: Statement, _ context: LintContext) -> String {
        let alone = context.runsInTransaction(statement)
            ? "alone, in an autocommit block, so the lock ends with the build instead of at the file's COMMIT:\n\(StatementText.autocommitBlock(statement.text))"
            : "alone, as it is here, in its own transaction."
        return """
        An exclusion constraint cannot be added NOT VALID (PostgreSQL: `EXCLUDE constraints cannot be marked NOT VALID`) \
        nor built concurrently and attached (`USING INDEX` takes only a unique index): the build always holds ACCESS \
        EXCLUSIVE. Check the existing rows first, then run it when the table is quiet, with `lock_timeout` set, \
        \(alone)
        """
    }

    /// The earlier statement of the same transaction that added `name` NOT VALID.
    static func addedNotValid(_ name: String, on table: LockedTable, before statement: Statement, _ context: LintContext) -> Statement? {
        guard context.runsInTransaction(statement) else { return nil }
        return context.transactionStatements(of: statement).first { earlier in
            guard earlier.index < statement.index, let alter = earlier.node?.alterTable,
                  alter.relation.name == table.relation.name, alter.relation.schema == table.relation.schema else { return false }
            return alter.addedConstraints.contains { $0.constraint.name == name && $0.constraint.skipsValidation }
        }
    }
}
