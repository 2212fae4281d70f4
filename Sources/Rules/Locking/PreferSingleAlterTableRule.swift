import Lint
import Schema
import SQLSource

extension RuleID {
    public static let preferSingleAlterTable: RuleID = "prefer-single-alter-table"
}

/// Consecutive ALTER TABLE statements on one table that one statement could
/// do: each makes its own pass over the table.
public struct PreferSingleAlterTableRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .preferSingleAlterTable,
        name: "ALTER TABLE statements that could be one",
        category: .locking,
        defaultSeverity: .warning,
        summary: "Consecutive ALTER TABLE statements on one table that existed before the file, in one transaction, whose subcommands one ALTER TABLE can carry.",
        rationale: """
        PostgreSQL runs the subcommands of one ALTER TABLE together: it takes the lock once, and \
        \"multiple table scans or rewrites can thereby be combined into a single pass over the \
        table\" (the ALTER TABLE documentation). Separate statements each make their own pass: two \
        type changes are two rewrites of the table, a SET NOT NULL and a CHECK are two scans, all \
        under ACCESS EXCLUSIVE, held until COMMIT. (Each also asks for the lock again; inside one \
        transaction it is already held, so that part costs nothing.) Reported on the second and later \
        statements of a run, pointing at the first. A run is ALTER TABLE statements one after the \
        other (no statement between them) on the same table in the same transaction, whose \
        subcommands are only: ADD/DROP COLUMN, ALTER COLUMN TYPE / SET DEFAULT / DROP DEFAULT / SET \
        NOT NULL / DROP NOT NULL / DROP EXPRESSION / SET STATISTICS / SET STORAGE / identity, \
        ADD CONSTRAINT (but a foreign key validated while it is added, whose scan would move under \
        ACCESS EXCLUSIVE), DROP CONSTRAINT, REPLICA IDENTITY, row security, triggers, OWNER, storage \
        parameters, SET LOGGED / UNLOGGED / ACCESS METHOD. VALIDATE CONSTRAINT, ATTACH and DETACH \
        PARTITION end a run. A statement also starts a new run when combining would change what \
        it does: it names a column an earlier statement of the run altered or dropped (ALTER TABLE \
        reorders its subcommands by kind, and a column's type can change only once per statement), \
        changes a column the run added in any way but its default (ALTER TABLE prepares the other \
        subcommands before it adds columns; `ADD COLUMN c ... DEFAULT 'old', ALTER COLUMN c SET \
        DEFAULT 'current'` is the documentation's own example), drops a column or constraint the \
        run added, or changes persistence or access method again (one per statement). An autocommit block is not a run: there each \
        statement commits on its own, which may be the point. squawk does not check this. \
        \(LockingNotes.createdInFile)
        """,
        safeAlternative: "One ALTER TABLE with the subcommands separated by commas: `ALTER TABLE t ADD COLUMN a int, ADD COLUMN b text;`.",
        triggeringExamples: [
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN region text;\n↓ALTER TABLE hbi.hosts ADD COLUMN zone text;\n↓ALTER TABLE hbi.hosts ALTER COLUMN region SET DEFAULT 'eu';\nCOMMIT;",
                        baseline: LockingBaselines.hosts),
            RuleExample("ALTER TABLE \"hbi\".\"Hosts\" ALTER COLUMN \"A\" TYPE bigint;\n↓ALTER TABLE hbi.\"Hosts\" ALTER COLUMN \"B\" TYPE bigint;",
                        note: "Two rewrites where one would do; quoted names, no baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN region text;\nUPDATE hbi.hosts SET region = 'eu';\nALTER TABLE hbi.hosts ALTER COLUMN region SET NOT NULL;\nCOMMIT;",
                        note: "The backfill between needs the first to finish", baseline: LockingBaselines.hosts),
            RuleExample("COMMIT;\nALTER TABLE hbi.hosts ADD COLUMN region text;\nALTER TABLE hbi.hosts ADD COLUMN zone text;\nBEGIN;", note: "An autocommit block"),
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD CONSTRAINT c CHECK (price > 0) NOT VALID;\nALTER TABLE hbi.hosts VALIDATE CONSTRAINT c;\nCOMMIT;",
                        note: "VALIDATE CONSTRAINT ends a run: it cannot share a statement with its ADD"),
            RuleExample("ALTER TABLE hbi.hosts ALTER COLUMN seen DROP DEFAULT;\nALTER TABLE hbi.hosts ALTER COLUMN seen TYPE timestamptz;", note: "The same column: ALTER TABLE would reorder them"),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN region text;\nALTER TABLE hbi.groups ADD COLUMN region text;", note: "Two tables"),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN n text;\nALTER TABLE hbi.hosts ALTER COLUMN n TYPE int USING n::int;", note: "A column the run added, changed beyond its default"),
            RuleExample("ALTER TABLE ONLY hbi.hosts ADD COLUMN a text;\nALTER TABLE hbi.hosts ADD COLUMN b text;", note: "ONLY and not ONLY differ for partitions and children"),
            RuleExample("CREATE TABLE hbi.t (a int);\nALTER TABLE hbi.t ADD COLUMN b int;\nALTER TABLE hbi.t ADD COLUMN c int;", note: "A table created in the same file"),
            RuleExample("CREATE TABLE hbi.c AS SELECT 1 AS a;\nALTER TABLE hbi.c ADD COLUMN b int;\nALTER TABLE hbi.c ADD COLUMN c int;", note: "A CREATE TABLE AS table"),
        ],
        notes: LockingNotes.make(
            lock: "ACCESS EXCLUSIVE for most subcommands, held from the first statement until COMMIT; each statement makes its own rewrite or scan under it, where one statement takes the strongest of its subcommands' locks once and makes one pass.",
            docs: LockingNotes.alterTable))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let alter = statement.node?.alterTable, Self.isCombinable(alter), context.lockedTable(alter.relation) != nil,
              context.runsInTransaction(statement) else { return [] }
        let table = context.tableName(alter.relation)
        // The consecutive ALTER TABLEs on the table just before this one, in order.
        var block: [Statement] = []
        var next = statement.index
        for earlier in context.earlierInTransaction(statement) {
            guard earlier.index == next - 1, let other = earlier.node?.alterTable, Self.isCombinable(other),
                  context.tableName(other.relation) == table, other.relation.inherited == alter.relation.inherited else { break }
            block.insert(earlier, at: 0)
            next = earlier.index
        }
        guard !block.isEmpty else { return [] }
        block.append(statement)
        var start = 0
        for k in 1..<block.count where Self.conflicts(block[k], with: block[start..<k]) { start = k }
        guard start < block.count - 1 else { return [] }
        let first = block[start]
        let run = Array(block[start...])
        let combined = Self.combined(run)
        let locked = context.lockedTable(alter.relation)
        let passes = locked.map { locked in run.filter { $0.node?.alterTable.flatMap { LongStatements.alterWork($0, locked, context) } != nil }.count } ?? 0
        let cost = passes >= 2
            ? "\(passes) of these statements rewrite or scan \(table) each, under the lock, where one ALTER TABLE makes one pass for all its subcommands"
            : "one ALTER TABLE asks for the lock once and makes at most one pass over the table for all its subcommands"
        return [.lock(statement, "alters \(table) again, in a run of ALTER TABLE statements on it that starts at line \(first.location.line): \(cost)",
                      help: "Make them one statement:\n\(combined)", predicting: [])]
    }

    static func isCombinable(_ alter: AlterTable) -> Bool {
        guard alter.objectKind == .table, !alter.commands.isEmpty else { return false }
        return alter.commands.allSatisfy { command in
            switch command.action {
            case .addColumn, .addColumnRecurse, .dropColumn, .dropColumnRecurse, .alterColumnType, .columnDefault,
                 .setNotNull, .dropNotNull, .dropExpression, .setStatistics, .setStorage, .dropConstraint,
                 .dropConstraintRecurse, .replicaIdentity, .enableRowSecurity, .disableRowSecurity, .enableTrigger,
                 .enableAlwaysTrigger, .enableReplicaTrigger, .disableTrigger, .enableAllTriggers, .disableAllTriggers,
                 .enableUserTriggers, .disableUserTriggers, .changeOwner, .setRelOptions, .resetRelOptions,
                 .addIdentity, .setIdentity, .dropIdentity, .setLogged, .setUnlogged, .setAccessMethod:
                return true
            case .addConstraint, .addConstraintRecurse:
                guard let constraint = command.definition?.constraint else { return false }
                return constraint.kind != .foreignKey || constraint.skipsValidation
            default:
                return false
            }
        }
    }

    /// True when `later` cannot join `run` without changing what it does.
    static func conflicts(_ later: Statement, with run: ArraySlice<Statement>) -> Bool {
        var added: Set<String> = [], changed: Set<String> = [], addedConstraints: Set<String> = []
        var storage = false
        for statement in run {
            for command in statement.node?.alterTable?.commands ?? [] {
                if isStorageChange(command.action) { storage = true }
                switch command.action {
                case .addColumn, .addColumnRecurse:
                    if let name = command.definition?.columnDef?.name { added.insert(name) }
                case .addConstraint, .addConstraintRecurse:
                    if let name = command.definition?.constraint?.name { addedConstraints.insert(name) }
                default:
                    if let name = command.name, isColumnCommand(command.action) { changed.insert(name) }
                }
            }
        }
        for command in later.node?.alterTable?.commands ?? [] {
            if storage && isStorageChange(command.action) { return true }
            guard let name = command.name else { continue }
            switch command.action {
            case .dropConstraint, .dropConstraintRecurse:
                if addedConstraints.contains(name) { return true }
            case .columnDefault:
                // SET/DROP DEFAULT of a column the run added is the documented
                // `ADD COLUMN c ... DEFAULT 'old', ALTER COLUMN c SET DEFAULT 'current'`.
                if changed.contains(name) { return true }
            default:
                // ALTER TABLE prepares ALTER TYPE (and the rest) before it adds
                // columns: a column added earlier in the run is not there yet.
                if isColumnCommand(command.action) && (changed.contains(name) || added.contains(name)) { return true }
            }
        }
        return false
    }

    /// SET LOGGED / UNLOGGED / ACCESS METHOD: one of them per statement.
    static func isStorageChange(_ action: AlterTableAction) -> Bool {
        action == .setLogged || action == .setUnlogged || action == .setAccessMethod
    }

    static func isColumnCommand(_ action: AlterTableAction) -> Bool {
        switch action {
        case .dropColumn, .dropColumnRecurse, .alterColumnType, .columnDefault, .setNotNull, .dropNotNull, .dropExpression,
             .setStatistics, .setStorage, .addIdentity, .setIdentity, .dropIdentity:
            true
        default:
            false
        }
    }

    /// The first statement's `ALTER TABLE name`, then every statement's subcommands.
    static func combined(_ statements: [Statement]) -> String {
        let parts = statements.compactMap { statement -> (head: String, tail: String)? in
            guard let relation = statement.node?.alterTable?.relation else { return nil }
            let (_, tail) = StatementText.around(relationAt: relation.location, in: statement.text)
            let head = String(decoding: statement.text.utf8.prefix(statement.text.utf8.count - tail.utf8.count), as: UTF8.self)
            return (head, String(tail.drop { $0 == " " || $0 == "\n" || $0 == "\t" }))
        }
        guard let first = parts.first else { return "" }
        return first.head + "\n    " + parts.map(\.tail).joined(separator: ",\n    ") + ";"
    }
}
