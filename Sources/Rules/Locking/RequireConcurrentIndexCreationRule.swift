import Lint
import Schema
import SQLSource

extension RuleID {
    public static let requireConcurrentIndexCreation: RuleID = "require-concurrent-index-creation"
}

/// CREATE INDEX without CONCURRENTLY on a table that has rows and writers.
public struct RequireConcurrentIndexCreationRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .requireConcurrentIndexCreation,
        name: "Index built without CONCURRENTLY",
        category: .locking,
        defaultSeverity: .error,
        summary: "CREATE INDEX without CONCURRENTLY on a table that existed before the file.",
        rationale: """
        A plain CREATE INDEX takes a SHARE lock on the table for the whole build: reads go on, but \
        every INSERT, UPDATE and DELETE waits until the index is built (and until COMMIT inside the \
        file's transaction). On a large table that is an outage. \(LockingNotes.createdInFile)
        """,
        safeAlternative: """
        Build it with `CREATE INDEX CONCURRENTLY` in an autocommit block (`COMMIT; CREATE INDEX \
        CONCURRENTLY ...; BEGIN;`, alembic's `autocommit_block()`), which takes SHARE UPDATE EXCLUSIVE \
        and lets writes go on. A partitioned table refuses CONCURRENTLY (`cannot create index on \
        partitioned table ... concurrently`): create the index `ON ONLY` the parent, build each \
        partition's index concurrently, and attach each with `ALTER INDEX ... ATTACH PARTITION`.
        """,
        triggeringExamples: [
            RuleExample("↓CREATE INDEX ix_hosts_name ON hbi.hosts (display_name);"),
            RuleExample("BEGIN;\n↓CREATE UNIQUE INDEX IF NOT EXISTS \"Ix\" ON \"hbi\".\"Hosts\" (lower(name));\nCOMMIT;", note: "Quoted names"),
            RuleExample("↓CREATE INDEX ix_events_at ON hbi.events (at);", note: "A partitioned table: the help builds the index per partition",
                        baseline: LockingBaselines.partitioned),
            RuleExample("↓CREATE INDEX ix_hosts_id ON hbi.hosts (id);", baseline: LockingBaselines.hosts),
            RuleExample("↓CREATE INDEX ix_hosts_id ON ONLY hbi.hosts (id);", note: "ONLY on a table that is not partitioned still builds the whole index",
                        baseline: LockingBaselines.hosts),
        ],
        nonTriggeringExamples: [
            RuleExample("COMMIT;\nCREATE INDEX CONCURRENTLY ix_hosts_name ON hbi.hosts (display_name);\nBEGIN;", note: "In an autocommit block"),
            RuleExample("CREATE TABLE hbi.t (id int);\nCREATE INDEX ix_t_id ON hbi.t (id);", note: "A table created in the same file"),
            RuleExample("CREATE TABLE hbi.c AS SELECT 1 AS a;\nCREATE INDEX ON hbi.c (a);", note: "A CREATE TABLE AS table"),
            RuleExample("SELECT 1 AS a INTO hbi.s;\nCREATE INDEX ON hbi.s (a);", note: "A SELECT INTO table"),
            RuleExample("CREATE INDEX ix ON hbi.unknown (id);", note: "With a baseline, a table it does not have did not exist", baseline: LockingBaselines.hosts),
            RuleExample("CREATE INDEX ix_events_at ON ONLY hbi.events (at);", note: "ON ONLY a partitioned table builds nothing: an invalid index on the parent, as pg_dump writes it",
                        baseline: LockingBaselines.partitioned),
            RuleExample("CREATE INDEX ix_events_at ON ONLY hbi.events (at);", note: "ON ONLY a table the model does not know: only a partitioned table gives ONLY a meaning"),
        ],
        notes: LockingNotes.make(
            lock: "CREATE INDEX: SHARE on the table (blocks writes) for the whole build. CREATE INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE (blocks no reads or writes), and it cannot run inside a transaction block.",
            docs: LockingNotes.createIndex))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let index = statement.node?.createIndex, !index.isConcurrent,
              let locked = context.lockedTable(index.relation) else { return [] }
        // ON ONLY a partitioned parent makes an invalid index and builds nothing.
        if !index.relation.inherited && (locked.isPartitioned || locked.table == nil) { return [] }
        let help: String
        if locked.isPartitioned, let table = locked.table {
            help = Self.partitionedHelp(index, statement, table, context)
        } else {
            let sql = StatementText.inserting("CONCURRENTLY", after: "INDEX", in: statement.text)
            help = "Build it without blocking writes, in an autocommit block:\n\(StatementText.autocommitBlock(sql))"
        }
        return [.lock(statement, "builds \(index.name.map { "index `\($0)`" } ?? "an index") on \(locked.sql) without CONCURRENTLY: every write to \(locked.sql) waits (SHARE lock) until the build ends\(context.runsInTransaction(statement) ? " and the transaction commits" : "")", help: help,
                      predicting: [locked.predicts(.share)])]
    }

    /// ON ONLY the parent, CONCURRENTLY per partition, then ATTACH each.
    static func partitionedHelp(_ index: CreateIndex, _ statement: Statement, _ table: Table, _ context: LintContext) -> String {
        let (head, tail) = StatementText.around(relationAt: index.relation.location, in: statement.text)
        let parentIndex = index.name ?? "\(table.name.name)_\(index.elements.compactMap(\.column).joined(separator: "_"))_idx"
        let named = index.name == nil ? StatementText.inserting(quoteIdentifier(parentIndex), after: "INDEX", in: head) : head
        var lines = ["\(named)ONLY \(table.name)\(tail);", "COMMIT;"]
        var attach: [String] = []
        let unique = index.isUnique ? "UNIQUE " : ""
        for partition in context.publisherCatalog.partitions(of: table.name) {
            let child = quoteIdentifier("\(parentIndex)_\(partition.name.name)")
            lines.append("CREATE \(unique)INDEX CONCURRENTLY \(child) ON \(partition.name)\(tail);")
            attach.append("ALTER INDEX \(QualifiedName(table.name.schema, parentIndex)) ATTACH PARTITION \(QualifiedName(partition.name.schema, "\(parentIndex)_\(partition.name.name)"));")
        }
        lines.append("BEGIN;")
        return """
        \(table.name) is partitioned, and PostgreSQL refuses CREATE INDEX CONCURRENTLY on it. Create the \
        index on the parent only (invalid until every partition has one), build each partition's \
        concurrently in an autocommit block, then attach them:
        \((lines + attach).joined(separator: "\n"))
        """
    }
}
