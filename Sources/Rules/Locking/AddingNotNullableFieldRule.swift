import Lint
import Schema
import SQLSource

extension RuleID {
    public static let addingNotNullableField: RuleID = "adding-not-nullable-field"
}

/// SET NOT NULL on a column of a table that has rows: a scan under ACCESS
/// EXCLUSIVE, unless a validated CHECK (c IS NOT NULL) already proves it.
public struct AddingNotNullableFieldRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .addingNotNullableField,
        name: "SET NOT NULL with a full scan",
        category: .locking,
        defaultSeverity: .error,
        summary: "ALTER COLUMN ... SET NOT NULL on a table that existed before the file, without a validated CHECK (column IS NOT NULL).",
        rationale: """
        SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock: nothing reads or writes \
        it until the scan ends and the transaction commits. And it can fail on real data: one row \
        with NULL in the column and the migration stops (`column ... contains null values`). Since \
        PostgreSQL 12 the scan is skipped when a validated CHECK (column IS NOT NULL) constraint \
        already proves it, and that constraint can be added NOT VALID and validated without \
        blocking. \(LockingNotes.createdInFile)
        """,
        safeAlternative: """
        Add `CHECK (c IS NOT NULL) NOT VALID`, validate it in a later transaction, then SET NOT \
        NULL (no scan) and drop the CHECK.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts ALTER COLUMN display_name SET NOT NULL;", baseline: LockingBaselines.hosts),
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD CONSTRAINT nn CHECK (note IS NOT NULL) NOT VALID;\n↓ALTER TABLE hbi.hosts ALTER COLUMN note SET NOT NULL;\nCOMMIT;",
                        note: "The CHECK is not validated yet", baseline: LockingBaselines.hosts),
            RuleExample("↓ALTER TABLE hosts ALTER COLUMN \"Name\" SET NOT NULL;", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("""
            BEGIN;
            ALTER TABLE hbi.hosts ADD CONSTRAINT nn CHECK (note IS NOT NULL) NOT VALID;
            COMMIT;
            BEGIN;
            ALTER TABLE hbi.hosts VALIDATE CONSTRAINT nn;
            ALTER TABLE hbi.hosts ALTER COLUMN note SET NOT NULL;
            ALTER TABLE hbi.hosts DROP CONSTRAINT nn;
            COMMIT;
            """, note: "The safe sequence", baseline: LockingBaselines.hosts),
            RuleExample("CREATE TABLE hbi.t (a int);\nALTER TABLE hbi.t ALTER COLUMN a SET NOT NULL;", note: "A table created in the same file"),
        ],
        notes: LockingNotes.make(
            lock: "SET NOT NULL: ACCESS EXCLUSIVE, with a full scan unless a validated CHECK (c IS NOT NULL) proves it (PostgreSQL 12 and later).",
            docs: LockingNotes.alterTable))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let alter = statement.node?.alterTable, let locked = context.lockedTable(alter.relation) else { return [] }
        var columns: [String] = []
        for command in alter.commands where command.action == .setNotNull {
            guard let column = command.name else { continue }
            if context.postgresVersion >= 12, Self.provingCheck(column, locked.table)?.isValidated == true { continue }
            columns.append(column)
        }
        guard !columns.isEmpty else { return [] }
        let names = columns.map { "`\($0)`" }.joined(separator: ", ")
        let pending = columns.compactMap { Self.provingCheck($0, locked.table) }.filter { !$0.isValidated }.map(\.name)
        let why = pending.isEmpty ? "" : " (CHECK \(pending.map { "`\($0)`" }.joined(separator: ", ")) is NOT VALID: validate it in an earlier transaction first)"
        let steps = columns.map { column -> String in
            let check = quoteIdentifier(ConstraintNames.make(locked.relation.name, [column], "not_null"))
            let c = quoteIdentifier(column)
            return """
            ALTER TABLE \(locked.sql) ADD CONSTRAINT \(check) CHECK (\(c) IS NOT NULL) NOT VALID;
            COMMIT;
            BEGIN;
            ALTER TABLE \(locked.sql) VALIDATE CONSTRAINT \(check);
            ALTER TABLE \(locked.sql) ALTER COLUMN \(c) SET NOT NULL;
            ALTER TABLE \(locked.sql) DROP CONSTRAINT \(check);
            """
        }
        let probe = columns.map { "\(quoteIdentifier($0)) IS NULL" }.joined(separator: " OR ")
        return [.lock(statement, "sets \(names) NOT NULL on \(locked.sql) with a full scan under ACCESS EXCLUSIVE\(why); it fails if any row holds NULL there (check first: `SELECT count(*) FROM \(locked.sql) WHERE \(probe);`)",
                      help: "Prove it with a CHECK validated without blocking, then SET NOT NULL skips the scan:\n" + steps.joined(separator: "\n"),
                      predicting: [locked.predicts(.accessExclusive)])]
    }

    /// A CHECK (column IS NOT NULL) on the table, however it was spelled.
    static func provingCheck(_ column: String, _ table: Table?) -> TableConstraint? {
        let wanted = squeezed("\(quoteIdentifier(column)) IS NOT NULL")
        return table?.constraints.first { $0.kind == .check && $0.expression.map(squeezed) == wanted }
    }

    private static func squeezed(_ text: String) -> String {
        String(text.lowercased().filter { $0 != " " && $0 != "(" && $0 != ")" })
    }
}
