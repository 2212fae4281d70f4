import Lint
import Schema
import SQLSource

extension RuleID {
    public static let addingSerialPrimaryKeyField: RuleID = "adding-serial-primary-key-field"
}

/// A PRIMARY KEY that builds its index under ACCESS EXCLUSIVE.
public struct AddingSerialPrimaryKeyFieldRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .addingSerialPrimaryKeyField,
        name: "PRIMARY KEY built under a long lock",
        category: .locking,
        defaultSeverity: .error,
        summary: "ADD PRIMARY KEY (or ADD COLUMN ... PRIMARY KEY) without USING INDEX on a table that existed before the file.",
        rationale: """
        A primary key builds its unique index while holding ACCESS EXCLUSIVE on the table, and \
        sets its columns NOT NULL with a scan: nothing reads or writes the table until it is done. \
        A new serial or identity column with it also rewrites the table (`adding-field-with-default`). \
        It fails on real data with a duplicate or a NULL. \(LockingNotes.createdInFile)
        """,
        safeAlternative: "`CREATE UNIQUE INDEX CONCURRENTLY` in an autocommit block, then `ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY USING INDEX ...` (the columns NOT NULL first).",
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.groups ADD PRIMARY KEY (id);"),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN pk bigserial PRIMARY KEY;", baseline: LockingBaselines.hosts),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.groups ADD CONSTRAINT groups_pkey PRIMARY KEY USING INDEX groups_id_key;"),
            RuleExample("CREATE TABLE hbi.t (a int);\nALTER TABLE hbi.t ADD PRIMARY KEY (a);", note: "A table created in the same file"),
        ],
        notes: LockingNotes.make(
            lock: "ADD PRIMARY KEY: ACCESS EXCLUSIVE for the index build and the NOT NULL scan. ADD CONSTRAINT ... PRIMARY KEY USING INDEX: ACCESS EXCLUSIVE, briefly (with a scan for columns not yet NOT NULL).",
            docs: LockingNotes.alterTable))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let alter = statement.node?.alterTable, let locked = context.lockedTable(alter.relation) else { return [] }
        return alter.addedConstraints.filter { $0.constraint.kind == .primaryKey && $0.constraint.indexName == nil }.map { added in
            let columns = added.columns
            return .lock(statement, "adds a PRIMARY KEY on \(columns.map { "`\($0)`" }.joined(separator: ", ")) of \(locked.sql), building its index under ACCESS EXCLUSIVE; it fails if rows hold duplicates or NULLs",
                         help: IndexBackedConstraintHelp.sql(kind: "PRIMARY KEY", table: locked, columns: columns, name: added.constraint.name)
                            + (added.newColumn.map { "\n(Add the column `\($0.name)` first, without PRIMARY KEY.)" } ?? ""),
                         predicting: [locked.predicts(.accessExclusive)])
        }
    }
}
