import Lint
import Schema
import SQLSource

extension RuleID {
    public static let changingColumnType: RuleID = "changing-column-type"
}

/// ALTER COLUMN ... TYPE on a table that has rows: a rewrite, an index
/// rebuild, or only a brief lock, as PostgreSQL decides.
public struct ChangingColumnTypeRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .changingColumnType,
        name: "Column type change",
        category: .locking,
        defaultSeverity: .error,
        summary: "ALTER COLUMN ... TYPE on a table that existed before the file; the message says whether it rewrites the table.",
        rationale: """
        Changing a column's type takes an ACCESS EXCLUSIVE lock: nothing reads or writes the table \
        until COMMIT. Most changes also rewrite the whole table and rebuild every index under that \
        lock. PostgreSQL skips the rewrite for binary-coercible changes whose new limit accepts every \
        old value — varchar(n) to varchar(m ≥ n) or to text, text to varchar, numeric(p,s) to \
        numeric(p' ≥ p, s), a USING expression that is only the column — and for timestamp to \
        timestamptz (and back) when the session's TimeZone is UTC, which still rebuilds the \
        column's indexes. A change without rewrite or rebuild is reported as a warning: the lock is \
        brief, but it still queues behind long queries and everything queues behind it. \
        \(LockingNotes.createdInFile)
        """,
        safeAlternative: """
        Prefer a change PostgreSQL does not rewrite (widen a varchar, use text). Otherwise add a new \
        column of the new type, backfill it in batches, and switch over; or run the change when \
        the table is quiet, with `lock_timeout` set.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts ALTER COLUMN display_name TYPE varchar(50);", note: "Narrowing rewrites", baseline: LockingBaselines.hosts),
            RuleExample("↓ALTER TABLE hbi.hosts ALTER COLUMN display_name TYPE text;", note: "Binary-coercible: no rewrite, a brief lock (a warning)", baseline: LockingBaselines.hosts),
            RuleExample("↓ALTER TABLE hbi.hosts ALTER COLUMN seen TYPE timestamptz;", note: "No rewrite under UTC, two index rebuilds", baseline: LockingBaselines.hosts),
            RuleExample("↓ALTER TABLE hbi.hosts ALTER COLUMN seen TYPE timestamptz;", note: "Before 12 it rewrote", baseline: LockingBaselines.hosts, postgresVersion: 11),
            RuleExample("↓ALTER TABLE hbi.hosts ALTER COLUMN price TYPE numeric(12,3);", baseline: LockingBaselines.hosts),
            RuleExample("↓ALTER TABLE \"hbi\".\"Hosts\" ALTER COLUMN \"Id\" TYPE bigint;", note: "Without a baseline the current type is unknown"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.t (a int);\nALTER TABLE hbi.t ALTER COLUMN a TYPE bigint;", note: "A table created in the same file"),
            RuleExample("ALTER TABLE hbi.hosts ALTER COLUMN display_name SET DEFAULT 'x';", baseline: LockingBaselines.hosts),
        ],
        notes: LockingNotes.make(
            lock: "ACCESS EXCLUSIVE on the table until COMMIT; a rewrite gives the table (and each index) a new relfilenode.",
            docs: LockingNotes.alterTable))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let alter = statement.node?.alterTable, let locked = context.lockedTable(alter.relation) else { return [] }
        var parts: [String] = []
        var worst = TypeChangeRewrite.none
        var knowsEveryType = true
        for command in alter.commands where command.action == .alterColumnType {
            guard let column = command.name, let def = command.definition?.columnDef, let type = def.typeName else { continue }
            let resolved = context.publisherCatalog.columnType(type, searchPath: context.searchPath)
            let newType = resolved.normalized
            guard let old = locked.table?.column(named: column)?.typeName else {
                parts.append("changes `\(column)` to \(resolved.declared); replint does not know its current type, so it may rewrite \(locked.sql)")
                worst = .rewrite
                knowsEveryType = false
                continue
            }
            var decision = TypeChangeRewrite.decide(from: old, to: newType, postgresVersion: context.postgresVersion)
            if let using = def.defaultExpression, !Self.isOnlyTheColumn(using, column) { decision = .rewrite }
            let rebuilt = locked.table.map { context.publisherCatalog.indexes(on: $0.name).filter { $0.columns.contains(column) || $0.expressionColumns.contains(column) }.count } ?? 0
            let indexes = rebuilt == 1 ? "1 index" : "\(rebuilt) indexes"
            switch decision {
            case .rewrite:
                parts.append("changes `\(column)` from \(old) to \(newType): rewrites \(locked.sql) and rebuilds its indexes under ACCESS EXCLUSIVE")
            case .indexesOnly:
                parts.append("changes `\(column)` from \(old) to \(newType): no rewrite when TimeZone is UTC, but rebuilds \(indexes) under ACCESS EXCLUSIVE")
            case .none:
                parts.append("changes `\(column)` from \(old) to \(newType): binary-coercible, no rewrite and no index rebuild, but ACCESS EXCLUSIVE on \(locked.sql) for the moment it takes")
            }
            if decision != .none && worst != .rewrite { worst = decision }
        }
        guard !parts.isEmpty else { return [] }
        let rewrites = knowsEveryType ? worst == .rewrite : nil
        var violation = Violation.lock(statement, parts.joined(separator: "; "), help: description.safeAlternative,
                                       predicting: [locked.predicts(.accessExclusive, rewrites: rewrites)])
        if worst == .none { violation.severity = .warning }
        return [violation]
    }

    /// `USING col` or `USING col::type`: PostgreSQL reduces it to the column.
    static func isOnlyTheColumn(_ expression: Node, _ column: String) -> Bool {
        var node = expression
        while let cast = node.typeCast?.argument { node = cast }
        return node.columnRef?.last == column
    }
}
