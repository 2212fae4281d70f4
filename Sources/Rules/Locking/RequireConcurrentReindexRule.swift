import Lint
import SQLSource

extension RuleID {
    public static let requireConcurrentReindex: RuleID = "require-concurrent-reindex"
}

/// REINDEX without CONCURRENTLY, where the version has it.
public struct RequireConcurrentReindexRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .requireConcurrentReindex,
        name: "REINDEX without CONCURRENTLY",
        category: .locking,
        defaultSeverity: .error,
        summary: "REINDEX INDEX or TABLE without CONCURRENTLY, on PostgreSQL 12 or later.",
        rationale: """
        A plain REINDEX locks out writes to the table (SHARE) and every use of the index being \
        rebuilt (ACCESS EXCLUSIVE on it, so queries that would use it wait) for the whole rebuild. \
        REINDEX CONCURRENTLY exists since PostgreSQL 12, so below `postgres_version: 12` there is \
        nothing better to write and nothing is reported.
        """,
        safeAlternative: "`REINDEX INDEX CONCURRENTLY name;` (or `REINDEX TABLE CONCURRENTLY`) in an autocommit block.",
        triggeringExamples: [
            RuleExample("↓REINDEX INDEX hbi.ix_hosts_seen;"),
            RuleExample("↓REINDEX TABLE hbi.hosts;", postgresVersion: 12),
        ],
        nonTriggeringExamples: [
            RuleExample("COMMIT;\nREINDEX INDEX CONCURRENTLY hbi.ix_hosts_seen;\nBEGIN;"),
            RuleExample("REINDEX TABLE hbi.hosts;", note: "Before CONCURRENTLY existed", postgresVersion: 11),
            RuleExample("CREATE TABLE hbi.t (id int);\nREINDEX TABLE hbi.t;", note: "A table created in the same file"),
        ],
        notes: LockingNotes.make(
            lock: "REINDEX: SHARE on the table, ACCESS EXCLUSIVE on the index. REINDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE; it cannot run inside a transaction block.",
            docs: "https://www.postgresql.org/docs/current/sql-reindex.html"))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard context.postgresVersion >= 12, let reindex = statement.node?.reindex, !reindex.isConcurrent,
              reindex.isIndex || reindex.isTable, let relation = reindex.relation else { return [] }
        if reindex.isTable, context.lockedTable(relation) == nil { return [] }
        let index = reindex.isIndex ? context.publisherCatalog.resolveIndex(schema: relation.schema, name: relation.name, searchPath: context.searchPath) : nil
        if let index, context.createdRelations.contains(index.table) { return [] }
        // SHARE on the table; an index whose table is unknown: ACCESS EXCLUSIVE on the index itself.
        let prediction = index.map { LockPrediction(schema: $0.table.schema, relation: $0.table.name, mode: .share) }
            ?? (reindex.isTable ? context.lockTarget(relation).predicts(.share) : context.lockTarget(relation).predicts(.accessExclusive))
        let sql = StatementText.inserting("CONCURRENTLY", after: reindex.isIndex ? "INDEX" : "TABLE", in: statement.text)
        return [.lock(statement, "rebuilds `\(relation.qualifiedName)` without CONCURRENTLY: writes to the table and every query using the index wait for the whole rebuild",
                      help: "Rebuild it without blocking, in an autocommit block:\n\(StatementText.autocommitBlock(sql))",
                      predicting: [prediction])]
    }
}
