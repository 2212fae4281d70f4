import Lint
import Schema
import SQLSource

extension RuleID {
    public static let addingForeignKeyConstraint: RuleID = "adding-foreign-key-constraint"
}

/// A foreign key validated while it is added: a scan under SHARE ROW
/// EXCLUSIVE on the referencing and the referenced table.
public struct AddingForeignKeyConstraintRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .addingForeignKeyConstraint,
        name: "Foreign key added without NOT VALID",
        category: .locking,
        defaultSeverity: .error,
        summary: "A FOREIGN KEY added to a table that existed before the file without NOT VALID.",
        rationale: """
        Adding a foreign key checks every existing row against the referenced table while holding \
        SHARE ROW EXCLUSIVE on both tables: writes to either wait for the whole scan (and, in the \
        file's transaction, until COMMIT). Added NOT VALID, only new rows are checked and the locks \
        are brief; `VALIDATE CONSTRAINT` in a later transaction checks the old rows under SHARE \
        UPDATE EXCLUSIVE (ROW SHARE on the referenced table), with reads and writes going on. \
        \(LockingNotes.createdInFile)
        """,
        safeAlternative: """
        `ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES r (id) NOT VALID;`, commit, \
        then `ALTER TABLE t VALIDATE CONSTRAINT fk;` in a later transaction.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts ADD CONSTRAINT fk_group FOREIGN KEY (group_id) REFERENCES hbi.groups (id);"),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN owner_id bigint REFERENCES hbi.groups (id);", note: "On an added column", baseline: LockingBaselines.hosts),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.hosts ADD CONSTRAINT fk_group FOREIGN KEY (group_id) REFERENCES hbi.groups (id) NOT VALID;"),
            RuleExample("CREATE TABLE hbi.t (g bigint);\nALTER TABLE hbi.t ADD CONSTRAINT fk FOREIGN KEY (g) REFERENCES hbi.groups (id);", note: "A table created in the same file"),
        ],
        notes: LockingNotes.make(
            lock: "ADD FOREIGN KEY: SHARE ROW EXCLUSIVE on both tables, for the scan. NOT VALID: the same locks, briefly. VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE on the table, ROW SHARE on the referenced one.",
            docs: LockingNotes.alterTable))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let alter = statement.node?.alterTable, let locked = context.lockedTable(alter.relation) else { return [] }
        var out: [Violation] = []
        for added in alter.addedConstraints where added.constraint.kind == .foreignKey && !added.constraint.skipsValidation {
            guard let referenced = added.constraint.referencedTable else { continue }
            let target = (referenced.schema.map { quoteIdentifier($0) + "." } ?? "") + quoteIdentifier(referenced.name)
            let name = added.constraint.name ?? ConstraintNames.make(locked.relation.name, added.columns, "fkey")
            let columns = added.columns.map(quoteIdentifier).joined(separator: ", ")
            let keys = added.constraint.referencedColumns.isEmpty ? "" : " (" + added.constraint.referencedColumns.map(quoteIdentifier).joined(separator: ", ") + ")"
            var steps: [String] = []
            if let column = added.newColumn, let type = column.typeName {
                steps.append("ALTER TABLE \(locked.sql) ADD COLUMN \(quoteIdentifier(column.name)) \(context.publisherCatalog.columnType(type, searchPath: context.searchPath).declared);")
            }
            steps += ["ALTER TABLE \(locked.sql) ADD CONSTRAINT \(quoteIdentifier(name)) FOREIGN KEY (\(columns)) REFERENCES \(target)\(keys) NOT VALID;",
                      "COMMIT;", "BEGIN;", "ALTER TABLE \(locked.sql) VALIDATE CONSTRAINT \(quoteIdentifier(name));"]
            out.append(.lock(statement, "adds foreign key `\(name)` on \(locked.sql) referencing \(target) and checks every row while holding SHARE ROW EXCLUSIVE on both: writes to either table wait until it ends",
                             help: "Add it NOT VALID (new rows only, brief locks) and validate it in a later transaction:\n" + steps.joined(separator: "\n"),
                             predicting: [locked.predicts(.shareRowExclusive), context.lockTarget(referenced).predicts(.shareRowExclusive)]))
        }
        return out
    }
}
