import Lint
import Schema
import SQLSource

/// A table a statement locks, when its lock matters: the table existed
/// before the file (`LintContext.existedBeforeFile`), so it has rows and
/// readers to stall.
struct LockedTable {
    let relation: RangeVar
    /// The model's table, when it knows it.
    let table: Table?

    /// The table's name as SQL, for messages and help lines.
    var sql: String {
        if let table { return table.name.description }
        return (relation.schema.map { quoteIdentifier($0) + "." } ?? "") + quoteIdentifier(relation.name)
    }

    var isPartitioned: Bool { table?.kind == .partitioned }

    /// The claim that the statement takes `mode` on this table (and
    /// rewrites it, or says it does not), for `lint --rehearse` to check.
    func predicts(_ mode: LockMode, rewrites: Bool? = nil) -> LockPrediction {
        LockPrediction(schema: table?.name.schema ?? relation.schema, relation: table?.name.name ?? relation.name,
                       mode: mode, rewrites: rewrites)
    }
}

extension LintContext {
    /// The table `relation` names, or nil when locking it stalls nobody.
    func lockedTable(_ relation: RangeVar) -> LockedTable? {
        guard existedBeforeFile(relation) else { return nil }
        return LockedTable(relation: relation, table: table(relation))
    }

    /// `relation` as a lock prediction's target, whether or not locking it matters.
    func lockTarget(_ relation: RangeVar) -> LockedTable {
        LockedTable(relation: relation, table: table(relation))
    }

    /// The table `relation` names, for comparing names written differently
    /// (`hosts`, `public.hosts`, `"public"."hosts"`): the model's name when it
    /// knows the table, else the name in the first schema of the search path.
    func tableName(_ relation: RangeVar) -> QualifiedName {
        if let table = table(relation) { return table.name }
        return QualifiedName(relation.schema ?? searchPath.first { $0 != "$user" && $0 != "pg_catalog" } ?? "public", relation.name)
    }

    /// True when `statement` runs inside the file's transaction, so the
    /// locks it takes are held until COMMIT.
    func runsInTransaction(_ statement: Statement) -> Bool {
        transactionShape.segment(of: statement)?.isTransaction ?? true
    }

    /// The statements of `statement`'s transaction before it, nearest first.
    func earlierInTransaction(_ statement: Statement) -> ReversedCollection<ArraySlice<Statement>> {
        let statements = transactionStatements(of: statement)
        return statements[..<statements.partitioningIndex { $0.index >= statement.index }].reversed()
    }

    /// The statements of the transaction `statement` runs in, in order.
    func transactionStatements(of statement: Statement) -> [Statement] {
        transactionShape.segment(of: statement)?.statements ?? []
    }
}

extension Violation {
    /// A lock finding on the whole statement, with the locks and rewrites
    /// its message claims.
    static func lock(_ statement: Statement, _ message: String, help: String, predicting: [LockPrediction]) -> Violation {
        Violation(range: statement.range, message: message, help: help, predictions: predicting)
    }
}
