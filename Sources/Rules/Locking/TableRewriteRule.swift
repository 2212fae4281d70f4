import Lint
import SQLSource

extension RuleID {
    public static let tableRewrite: RuleID = "table-rewrite"
}

/// Statements whose whole point is a rewrite under ACCESS EXCLUSIVE:
/// SET LOGGED / UNLOGGED, VACUUM FULL, CLUSTER.
public struct TableRewriteRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .tableRewrite,
        name: "Statement that rewrites a table",
        category: .locking,
        defaultSeverity: .error,
        summary: "ALTER TABLE ... SET LOGGED / SET UNLOGGED, VACUUM FULL or CLUSTER on a table that existed before the file.",
        rationale: """
        Each of these writes a new copy of the table and of every index while holding ACCESS \
        EXCLUSIVE: nothing reads or writes the table until the copy is done (and, in the file's \
        transaction, until COMMIT). SET LOGGED also writes the whole table to the WAL, which every \
        subscriber and standby then has to receive. squawk does not check these. \
        \(LockingNotes.createdInFile)
        """,
        safeAlternative: """
        Run them outside migrations, in a maintenance window. To reclaim space without the lock, \
        `pg_repack` or plain `VACUUM`; to keep a table ordered, a CLUSTER in a quiet moment.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts SET UNLOGGED;"),
            RuleExample("COMMIT;\n↓VACUUM FULL hbi.hosts;\nBEGIN;", note: "Even in an autocommit block"),
            RuleExample("↓CLUSTER hbi.hosts USING ix_hosts_seen;"),
        ],
        nonTriggeringExamples: [
            RuleExample("COMMIT;\nVACUUM hbi.hosts;\nBEGIN;", note: "Plain VACUUM takes SHARE UPDATE EXCLUSIVE"),
            RuleExample("CREATE TABLE hbi.t (a int);\nALTER TABLE hbi.t SET LOGGED;", note: "A table created in the same file"),
        ],
        notes: LockingNotes.make(
            lock: "ACCESS EXCLUSIVE for the whole rewrite; the table and each index get a new relfilenode.",
            docs: LockingNotes.alterTable, "https://www.postgresql.org/docs/current/sql-vacuum.html", "https://www.postgresql.org/docs/current/sql-cluster.html"))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let node = statement.node else { return [] }
        let found: (what: String, relation: RangeVar)?
        if let alter = node.alterTable, let command = alter.commands.first(where: { $0.action == .setLogged || $0.action == .setUnlogged }) {
            found = (command.action == .setLogged ? "SET LOGGED" : "SET UNLOGGED", alter.relation)
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
}
