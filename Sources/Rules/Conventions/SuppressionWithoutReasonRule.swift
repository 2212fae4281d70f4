import Lint
import SQLSource

extension RuleID {
    public static let suppressionWithoutReason: RuleID = "suppression-without-reason"
}

/// A `replint-ignore` comment with rule ids and nothing after them. The
/// engine reports it (it reads the suppressions); the suppression still holds.
public struct SuppressionWithoutReasonRule: Rule {
    public init() {}

    public var engineRole: EngineRole? { .suppressionWithoutReason }

    public let description = RuleDescription(
        id: .suppressionWithoutReason,
        name: "Suppression without reason",
        category: .conventions,
        defaultSeverity: .warning,
        summary: "A `replint-ignore` comment says which rules it silences but not why.",
        rationale: """
        A suppression is a decision that a finding does not apply here. Without the reason, the \
        reviewer of the migration cannot judge the decision, and whoever reads the file later \
        cannot tell whether it still holds. The suppression is honoured all the same: this \
        finding asks for the reason, it does not undo the decision. JSON and SARIF output list \
        every suppressed finding with its reason.
        """,
        safeAlternative: """
        Write the reason after the rule ids, in the same comment: \
        `-- replint-ignore alembic-version-table this database keeps its alembic history`.
        """,
        triggeringExamples: [
            RuleExample("↓-- replint-ignore alembic-version-table\nUPDATE alembic_version SET version_num = 'b';"),
            RuleExample("UPDATE alembic_version SET version_num = 'b'; ↓-- replint-ignore alembic-version-table",
                        note: "At the end of the statement's line"),
            RuleExample("↓-- replint-ignore-file alembic-version-table\nDELETE FROM alembic_version;"),
        ],
        nonTriggeringExamples: [
            RuleExample("-- replint-ignore alembic-version-table this database keeps its alembic history\nUPDATE alembic_version SET version_num = 'b';"),
            RuleExample("-- replint-ignore-file alembic-version-table the bookkeeping is run by hand here\nDELETE FROM alembic_version;"),
        ])
}
