import Lint
import SQLSource

extension RuleID {
    public static let requireConcurrentPartitionDetach: RuleID = "require-concurrent-partition-detach"
}

/// DETACH PARTITION without CONCURRENTLY, where the version has it.
public struct RequireConcurrentPartitionDetachRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .requireConcurrentPartitionDetach,
        name: "DETACH PARTITION without CONCURRENTLY",
        category: .locking,
        defaultSeverity: .error,
        summary: "ALTER TABLE ... DETACH PARTITION without CONCURRENTLY, on PostgreSQL 14 or later.",
        rationale: """
        A plain DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table: every read \
        and write of every partition waits. DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14 and \
        later) takes SHARE UPDATE EXCLUSIVE instead; below `postgres_version: 14` nothing is reported.
        """,
        safeAlternative: "`ALTER TABLE parent DETACH PARTITION child CONCURRENTLY;` in an autocommit block (not with a default partition).",
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.events DETACH PARTITION hbi.events_2024;", baseline: LockingBaselines.partitioned),
            RuleExample("↓ALTER TABLE events DETACH PARTITION events_2020;", postgresVersion: 14),
        ],
        nonTriggeringExamples: [
            RuleExample("COMMIT;\nALTER TABLE hbi.events DETACH PARTITION hbi.events_2024 CONCURRENTLY;\nBEGIN;", baseline: LockingBaselines.partitioned),
            RuleExample("ALTER TABLE events DETACH PARTITION events_2020;", note: "Before CONCURRENTLY existed", postgresVersion: 13),
        ],
        notes: LockingNotes.make(
            lock: "DETACH PARTITION: ACCESS EXCLUSIVE on the parent and the partition. With CONCURRENTLY: SHARE UPDATE EXCLUSIVE on the parent; it cannot run inside a transaction block.",
            docs: LockingNotes.alterTable))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard context.postgresVersion >= 14, let alter = statement.node?.alterTable,
              let locked = context.lockedTable(alter.relation) else { return [] }
        guard let command = alter.commands.first(where: { $0.action == .detachPartition && !$0.isConcurrentPartitionCommand }),
              let partition = command.partition else { return [] }
        let sql = "ALTER TABLE \(locked.sql) DETACH PARTITION \(partition.qualifiedName) CONCURRENTLY"
        return [.lock(statement, "detaches `\(partition.qualifiedName)` from \(locked.sql) without CONCURRENTLY: every read and write of \(locked.sql) waits (ACCESS EXCLUSIVE)",
                      help: "Detach it without blocking, in an autocommit block:\n\(StatementText.autocommitBlock(sql))",
                      predicting: [locked.predicts(.accessExclusive)])]
    }
}
