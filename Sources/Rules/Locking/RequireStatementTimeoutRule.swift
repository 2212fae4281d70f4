import Lint
import SQLSource

extension RuleID {
    public static let requireStatementTimeout: RuleID = "require-statement-timeout"
    /// squawk's older id for this rule.
    public static let requireTimeoutSettings: RuleID = "require-timeout-settings"
}

/// A lock taken with no `statement_timeout` set in the file. Off by default:
/// `replint run --statement-timeout` sets one.
public struct RequireStatementTimeoutRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .requireStatementTimeout,
        aliases: [.requireTimeoutSettings],
        name: "No statement_timeout before the first lock",
        category: .locking,
        defaultSeverity: .warning,
        isEnabledByDefault: false,
        summary: "The file's first statement that locks an existing table comes with no `SET statement_timeout` before it.",
        rationale: """
        A statement that runs longer than expected holds its locks the whole time; \
        `statement_timeout` bounds it. Off by default: `replint run --statement-timeout` sets it \
        before the file when asked, and a migration that legitimately backfills may need none. \
        Turn it on (`rules: {require-statement-timeout: warning}`) when the files are run some \
        other way.
        """,
        safeAlternative: "`SET statement_timeout = '15min';` at the top of the file (inside its BEGIN).",
        triggeringExamples: [
            RuleExample("BEGIN;\nSET lock_timeout = '5s';\n↓CREATE INDEX ix ON hbi.hosts (display_name);\nCOMMIT;"),
        ],
        nonTriggeringExamples: [
            RuleExample("BEGIN;\nSET statement_timeout = '15min';\nCREATE INDEX ix ON hbi.hosts (display_name);\nCOMMIT;"),
        ],
        notes: LockingNotes.make(lock: "Any lock on the table, held as long as the statement runs.",
                                 docs: "https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-STATEMENT-TIMEOUT"))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard TimeoutSetting.firstUnprotected(statement, "statement_timeout", context) else { return [] }
        return [Violation(range: statement.range, message: "takes a lock with no `statement_timeout` set: a statement that runs long holds it the whole time",
                          help: "SET statement_timeout = '15min';  -- before this statement, inside the transaction")]
    }
}
