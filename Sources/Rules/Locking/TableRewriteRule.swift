import Lint
import Schema
import SQLSource

extension RuleID {
    public static let tableRewrite: RuleID = "table-rewrite"
}

/// Statements whose whole point is a rewrite under ACCESS EXCLUSIVE:
/// SET LOGGED / UNLOGGED, SET ACCESS METHOD, VACUUM FULL, CLUSTER.
public struct TableRewriteRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .tableRewrite,
        name: "Statement that rewrites a table",
        category: .locking,
        defaultSeverity: .error,
        summary: "ALTER TABLE ... SET LOGGED / SET UNLOGGED / SET ACCESS METHOD, VACUUM FULL or CLUSTER on a table that existed before the file.",
        rationale: """
        Each of these writes a new copy of the table and of every index while holding ACCESS \
        EXCLUSIVE: nothing reads or writes the table until the copy is done (and, in the file's \
        transaction, until COMMIT). SET LOGGED also writes the whole table to the WAL, which every \
        subscriber and standby then has to receive. SET ACCESS METHOD (PostgreSQL 15 and later) \
        rewrites into the new method's storage, unless the table already uses that method: then \
        PostgreSQL does nothing, and neither does this rule (a table's method is `heap` unless its \
        CREATE TABLE said `USING ...` or an earlier SET ACCESS METHOD changed it; a method set by \
        `default_table_access_method` is not followed). A partitioned table has no storage to \
        rewrite. squawk does not check these. \(LockingNotes.createdInFile)
        """,
        safeAlternative: """
        Run them outside migrations, in a maintenance window. To reclaim space without the lock, \
        `pg_repack` or plain `VACUUM`; to keep a table ordered, a CLUSTER in a quiet moment.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts SET UNLOGGED;"),
            RuleExample("COMMIT;\n↓VACUUM FULL hbi.hosts;\nBEGIN;", note: "Even in an autocommit block"),
            RuleExample("↓CLUSTER hbi.hosts USING ix_hosts_seen;"),
            RuleExample("BEGIN;\n↓ALTER TABLE \"hbi\".\"Hosts\" SET ACCESS METHOD heap;\nCOMMIT;", note: "Without a baseline the current method is unknown"),
            RuleExample("↓ALTER TABLE hbi.hosts SET ACCESS METHOD heap;", note: "A table created with another method",
                        baseline: "CREATE SCHEMA hbi;\nCREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;\nCREATE TABLE hbi.hosts (id bigint) USING heap2;"),
        ],
        nonTriggeringExamples: [
            RuleExample("COMMIT;\nVACUUM hbi.hosts;\nBEGIN;", note: "Plain VACUUM takes SHARE UPDATE EXCLUSIVE"),
            RuleExample("CREATE TABLE hbi.t (a int);\nALTER TABLE hbi.t SET LOGGED;", note: "A table created in the same file"),
            RuleExample("ALTER TABLE hbi.hosts SET ACCESS METHOD heap;", note: "Already heap: PostgreSQL does nothing", baseline: LockingBaselines.hosts),
            RuleExample("CREATE TABLE hbi.c AS SELECT 1 AS a;\nALTER TABLE hbi.c SET ACCESS METHOD heap2;", note: "A CREATE TABLE AS table"),
            RuleExample("ALTER TABLE hbi.events SET ACCESS METHOD heap2;", note: "A partitioned table has no storage", baseline: LockingBaselines.partitioned),
        ],
        notes: LockingNotes.make(
            lock: "ACCESS EXCLUSIVE for the whole rewrite; the table and each index get a new relfilenode. SET ACCESS METHOD to the method the table already has: ACCESS EXCLUSIVE, briefly, and the relfilenodes stay.",
            docs: LockingNotes.alterTable, "https://www.postgresql.org/docs/current/sql-vacuum.html", "https://www.postgresql.org/docs/current/sql-cluster.html"))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let node = statement.node else { return [] }
        let found: (what: String, relation: RangeVar)?
        if let alter = node.alterTable, let command = alter.commands.first(where: { $0.action == .setLogged || $0.action == .setUnlogged }) {
            found = (command.action == .setLogged ? "SET LOGGED" : "SET UNLOGGED", alter.relation)
        } else if let alter = node.alterTable, let method = alter.commands.first(where: { $0.action == .setAccessMethod })?.name,
                  let locked = context.lockedTable(alter.relation) {
            return Self.accessMethodChange(to: method, of: locked, statement)
        } else if let vacuum = node.vacuum, vacuum.isVacuum, vacuum.isFull, let relation = vacuum.relations.first {
            found = ("VACUUM FULL", relation)
        } else if let relation = node.cluster?.relation {
            found = ("CLUSTER", relation)
        } else {
            found = nil
        }
        guard let found, let locked = context.lockedTable(found.relation) else { return [] }
        return [.lock(statement, "\(found.what) rewrites \(locked.sql) and its indexes under ACCESS EXCLUSIVE: nothing reads or writes \(locked.sql) until it is done",
                      help: description.safeAlternative, predicting: [locked.predicts(.accessExclusive, rewrites: true)])]
    }

    /// SET ACCESS METHOD rewrites unless the table already uses `method`
    /// (PostgreSQL 15 then does nothing). A partitioned table has no storage
    /// of its own: 15 and 16 refuse the command, 17 only records the default
    /// for new partitions.
    static func accessMethodRewrites(to method: String, _ locked: LockedTable) -> Bool {
        if locked.isPartitioned { return false }
        if let table = locked.table { return (table.accessMethod ?? "heap") != method }
        return true
    }

    /// `schema.name_new`, beside the table.
    static func sibling(of locked: LockedTable) -> String {
        let name = locked.table?.name.name ?? locked.relation.name
        let schema = locked.table?.name.schema ?? locked.relation.schema
        return (schema.map { quoteIdentifier($0) + "." } ?? "") + quoteIdentifier(name + "_new")
    }

    static func accessMethodChange(to method: String, of locked: LockedTable, _ statement: Statement) -> [Violation] {
        guard accessMethodRewrites(to: method, locked) else { return [] }
        let message = locked.table.map { "SET ACCESS METHOD \(method) rewrites \(locked.sql) (its method is \($0.accessMethod ?? "heap")) and its indexes under ACCESS EXCLUSIVE" }
            ?? "SET ACCESS METHOD \(method) rewrites \(locked.sql) and its indexes under ACCESS EXCLUSIVE, unless the table already uses \(method)"
        return [.lock(statement, "\(message): nothing reads or writes \(locked.sql) until it is done",
                      help: """
                      Copy the table instead of converting it in place: a new table with the method, the rows copied in batches \
                      while the application (or a trigger) writes to both, then the names swapped in one short transaction:
                      CREATE TABLE \(Self.sibling(of: locked)) (LIKE \(locked.sql) INCLUDING ALL) USING \(quoteIdentifier(method));
                      Or run the ALTER in a maintenance window, alone in its transaction:
                      \(StatementText.autocommitBlock(statement.text))
                      """, predicting: [locked.predicts(.accessExclusive, rewrites: true)])]
    }
}
