import Lint
import Schema
import SQLSource

extension RuleID {
    public static let disallowedUniqueConstraint: RuleID = "disallowed-unique-constraint"
}

/// A UNIQUE constraint that builds its index under ACCESS EXCLUSIVE.
public struct DisallowedUniqueConstraintRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .disallowedUniqueConstraint,
        name: "UNIQUE constraint built under a long lock",
        category: .locking,
        defaultSeverity: .error,
        summary: "ADD CONSTRAINT ... UNIQUE (or ADD COLUMN ... UNIQUE) without USING INDEX on a table that existed before the file.",
        rationale: """
        A UNIQUE constraint builds its index while holding ACCESS EXCLUSIVE on the table: nothing \
        reads or writes it until the build ends and the transaction commits. And it can fail on \
        real data: one duplicate and the migration stops (`could not create unique index`). \
        Building the index CONCURRENTLY first and attaching it with `USING INDEX` keeps the long \
        part out of the lock. \(LockingNotes.createdInFile)
        """,
        safeAlternative: "`CREATE UNIQUE INDEX CONCURRENTLY` in an autocommit block, then `ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX ...`.",
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts ADD CONSTRAINT hosts_name_key UNIQUE (display_name);"),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN serial_no text UNIQUE;", baseline: LockingBaselines.hosts),
        ],
        nonTriggeringExamples: [
            RuleExample("""
            COMMIT;
            CREATE UNIQUE INDEX CONCURRENTLY hosts_name_key ON hbi.hosts (display_name);
            BEGIN;
            ALTER TABLE hbi.hosts ADD CONSTRAINT hosts_name_key UNIQUE USING INDEX hosts_name_key;
            COMMIT;
            """, note: "The safe sequence"),
            RuleExample("CREATE TABLE hbi.t (a int);\nALTER TABLE hbi.t ADD CONSTRAINT u UNIQUE (a);", note: "A table created in the same file"),
        ],
        notes: LockingNotes.make(
            lock: "ADD CONSTRAINT ... UNIQUE: ACCESS EXCLUSIVE for the index build. CREATE UNIQUE INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE. ADD CONSTRAINT ... USING INDEX: ACCESS EXCLUSIVE, briefly.",
            docs: LockingNotes.alterTable))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let alter = statement.node?.alterTable, let locked = context.lockedTable(alter.relation) else { return [] }
        return alter.addedConstraints.filter { $0.constraint.kind == .unique && $0.constraint.indexName == nil }.map { added in
            let columns = added.columns
            return .lock(statement, "adds UNIQUE on \(columns.map { "`\($0)`" }.joined(separator: ", ")) of \(locked.sql), building its index under ACCESS EXCLUSIVE; it fails if existing rows hold duplicates",
                         help: IndexBackedConstraintHelp.sql(kind: "UNIQUE", table: locked, columns: columns, name: added.constraint.name)
                            + (added.newColumn.map { "\n(Add the column `\($0.name)` first, without UNIQUE.)" } ?? ""),
                         predicting: [locked.predicts(.accessExclusive)])
        }
    }
}
