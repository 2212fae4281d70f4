import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationTruncate: RuleID = "replication-truncate"
}

public struct ReplicationTruncateRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationTruncate,
        name: "TRUNCATE of a replicated table",
        category: .replication,
        defaultSeverity: .warning,
        summary: "TRUNCATE of a replicated table.",
        rationale: """
        TRUNCATE replicates (unless the publication leaves it out of `publish`): run in a \
        migration on both sides it empties the subscriber twice, and the subscriber applies it \
        with RESTRICT, so a foreign key that only the subscriber has, from another table to this \
        one, stops apply for good (`cannot truncate a table referenced in a foreign key \
        constraint`).
        """,
        safeAlternative: """
        Run the TRUNCATE on the publisher only, outside the migration, and let it replicate; or \
        delete in batches there.
        """,
        triggeringExamples: [
            RuleExample("↓TRUNCATE hbi.hosts;", baseline: ExampleBaselines.published),
            RuleExample("↓TRUNCATE TABLE ONLY \"hbi\".\"groups\", hbi.audit RESTART IDENTITY;", baseline: ExampleBaselines.published),
            RuleExample("↓TRUNCATE hosts;", note: "Without a baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("TRUNCATE hbi.audit;", note: "A table outside the publication", baseline: ExampleBaselines.published),
            RuleExample("CREATE TABLE hbi.t (id int PRIMARY KEY);\nTRUNCATE hbi.t;", note: "A table created in the same file"),
            RuleExample("DELETE FROM hbi.audit;", baseline: ExampleBaselines.published),
        ],
        notes: ReplicationNotes.make(
            order: "Publisher only: it replicates by itself.",
            error: "With a subscriber-only foreign key: `cannot truncate a table referenced in a foreign key constraint`.",
            docs: ReplicationNotes.publication))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let truncate = statement.node?.truncate else { return }
        let tables = truncate.relations.compactMap { context.replicatedTable($0) }
        guard !tables.isEmpty else { return }
        found.report("truncates \(tables.map(\.described).joined(separator: ", ")): TRUNCATE replicates, so run it on the publisher only; the subscriber applies it with RESTRICT, and a subscriber-only foreign key to the table stops apply for good",
                     help: HelpText.truncate(statement, tables),
                     needs: .either, because: "TRUNCATE replicates by itself")
    }
}
