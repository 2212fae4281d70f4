import Lint
import SQLSource

extension RuleID {
    public static let unusedSuppression: RuleID = "unused-suppression"
}

/// A `replint-ignore` comment that silences nothing. The engine reports it
/// (it alone knows what every suppression silenced); this type carries its
/// metadata, examples and page.
public struct UnusedSuppressionRule: Rule {
    public init() {}

    public var engineRole: EngineRole? { .unusedSuppression }

    public let description = RuleDescription(
        id: .unusedSuppression,
        name: "Unused suppression",
        category: .conventions,
        defaultSeverity: .warning,
        summary: "A `replint-ignore` comment silences nothing.",
        rationale: """
        A suppression outlives the problem it silenced: the statement moved, the rule id has a \
        typo, or the problem was fixed. Left in place it would silence the next real problem \
        on that statement without anyone noticing.
        """,
        safeAlternative: """
        Delete the comment, or fix the rule id (`replint rules` lists them; the message names \
        the nearest one). A statement suppression goes on the line directly before the \
        statement or at the end of one of its lines: `-- replint-ignore rule-id reason`.
        """,
        triggeringExamples: [
            RuleExample("↓-- replint-ignore alembic-version-table nothing to silence here\nSELECT 1;"),
            RuleExample("↓-- replint-ignore-file alembic-log-line\nSELECT 1;"),
            RuleExample("↓-- replint-ignore no-such-rule typo\nSELECT 1;"),
            RuleExample("SELECT 1; ↓-- replint-ignore alembic-version-table meant for the next line\nUPDATE alembic_version SET version_num = 'b';",
                        note: "At the end of a line, a suppression is about that line's statement"),
            RuleExample("↓-- replint-ignore alembic-version-table, syntax-error the bookkeeping is wanted here\nUPDATE alembic_version SET version_num = 'b';", note: "One of two ids silences nothing"),
        ],
        nonTriggeringExamples: [
            RuleExample("-- replint-ignore alembic-version-table this database has alembic history\nUPDATE alembic_version SET version_num = 'b';"),
            RuleExample("-- replint-ignore-file alembic-version-table\nSELECT 1;\nDELETE FROM alembic_version;"),
            RuleExample("-- replint-ignores is not the marker, so this comment is prose\nSELECT 1;"),
            RuleExample("UPDATE alembic_version -- replint-ignore alembic-version-table history kept\n    SET version_num = 'b';",
                        note: "At the end of one of the statement's lines"),
        ])
}
