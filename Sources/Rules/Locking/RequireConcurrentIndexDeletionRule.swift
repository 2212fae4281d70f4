import Lint
import Schema
import SQLSource

extension RuleID {
    public static let requireConcurrentIndexDeletion: RuleID = "require-concurrent-index-deletion"
}

/// DROP INDEX without CONCURRENTLY on a table that has rows and readers.
public struct RequireConcurrentIndexDeletionRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .requireConcurrentIndexDeletion,
        name: "Index dropped without CONCURRENTLY",
        category: .locking,
        defaultSeverity: .error,
        summary: "DROP INDEX without CONCURRENTLY on an index of a table that existed before the file.",
        rationale: """
        A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: every read and write \
        of the table waits for it, and while it waits for a long query to finish, every query that \
        comes after waits behind it. \(LockingNotes.createdInFile)
        """,
        safeAlternative: """
        `DROP INDEX CONCURRENTLY name;` in an autocommit block (one index per statement, no CASCADE). \
        An index of a partitioned table cannot be dropped concurrently: drop it in a quiet moment.
        """,
        triggeringExamples: [
            RuleExample("↓DROP INDEX hbi.ix_hosts_seen;", baseline: LockingBaselines.hosts),
            RuleExample("BEGIN;\n↓DROP INDEX IF EXISTS ix_old;\nCOMMIT;", note: "Without a baseline, an index the file did not create"),
        ],
        nonTriggeringExamples: [
            RuleExample("COMMIT;\nDROP INDEX CONCURRENTLY hbi.ix_hosts_seen;\nBEGIN;", baseline: LockingBaselines.hosts),
            RuleExample("CREATE TABLE hbi.t (id int);\nCREATE INDEX ix_t ON hbi.t (id);\nDROP INDEX hbi.ix_t;", note: "An index of a table created in the same file"),
            RuleExample("DROP INDEX hbi.ix_unknown;", note: "With a baseline, an index it does not have", baseline: LockingBaselines.hosts),
        ],
        notes: LockingNotes.make(
            lock: "DROP INDEX: ACCESS EXCLUSIVE on the table. DROP INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE; it cannot run inside a transaction block.",
            docs: "https://www.postgresql.org/docs/current/sql-dropindex.html"))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let drop = statement.node?.drop, drop.objectKind == .index, !drop.isConcurrent else { return [] }
        var names: [String] = []
        var predictions: [LockPrediction] = []
        for parts in drop.objects {
            guard let last = parts.last else { continue }
            let schema = parts.count > 1 ? parts[parts.count - 2] : nil
            if let index = context.publisherCatalog.resolveIndex(schema: schema, name: last, searchPath: context.searchPath) {
                guard !context.createdRelations.contains(index.table), context.publisherCatalog.table(index.table)?.kind != .partitioned else { continue }
                names.append("`\(index.name)` (on \(index.table))")
                predictions.append(LockPrediction(schema: index.table.schema, relation: index.table.name, mode: .accessExclusive))
            } else if !context.hasBaseline {
                names.append("`\(parts.joined(separator: "."))`")
                // Its table is unknown; PostgreSQL takes the same lock on the index itself.
                predictions.append(LockPrediction(schema: schema, relation: last, mode: .accessExclusive))
            }
        }
        guard !names.isEmpty else { return [] }
        let concurrent = StatementText.inserting("CONCURRENTLY", after: "INDEX", in: statement.text)
        return [.lock(statement, "drops index \(names.joined(separator: ", ")) without CONCURRENTLY: an ACCESS EXCLUSIVE lock on its table blocks every read and write until it is done",
                      help: "Drop it without blocking, in an autocommit block (one index per statement):\n\(StatementText.autocommitBlock(concurrent))",
                      predicting: predictions)]
    }
}
