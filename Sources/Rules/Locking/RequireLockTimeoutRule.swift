import Lint
import SQLSource

extension RuleID {
    public static let requireLockTimeout: RuleID = "require-lock-timeout"
}

/// A lock taken with no `lock_timeout` set in the file. Off by default:
/// `replint run` sets one before the file.
public struct RequireLockTimeoutRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .requireLockTimeout,
        name: "No lock_timeout before the first lock",
        category: .locking,
        defaultSeverity: .warning,
        isEnabledByDefault: false,
        summary: "The file's first statement that locks an existing table comes with no `SET lock_timeout` before it.",
        rationale: """
        A statement waiting for a lock makes every later query on the table wait behind it. With \
        `lock_timeout` set it gives up instead, and the migration can be retried. Off by default: \
        `replint run` sets `lock_timeout` (`--lock-timeout`, 5s unless told otherwise) before the \
        file, so the file need not; turn it on (`rules: {require-lock-timeout: warning}`) when the \
        files are run some other way.
        """,
        safeAlternative: "`SET lock_timeout = '5s';` at the top of the file (inside its BEGIN).",
        triggeringExamples: [
            RuleExample("BEGIN;\n↓ALTER TABLE hbi.hosts ADD COLUMN x int;\nCOMMIT;"),
        ],
        nonTriggeringExamples: [
            RuleExample("BEGIN;\nSET lock_timeout = '5s';\nALTER TABLE hbi.hosts ADD COLUMN x int;\nCOMMIT;"),
            RuleExample("CREATE TABLE hbi.t (a int);\nALTER TABLE hbi.t ADD COLUMN x int;", note: "A table created in the same file"),
        ],
        notes: LockingNotes.make(lock: "Any lock on the table; `lock_timeout` bounds how long it is waited for.",
                                 docs: "https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LOCK-TIMEOUT"))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard TimeoutSetting.firstUnprotected(statement, "lock_timeout", context) else { return [] }
        return [Violation(range: statement.range, message: "takes a lock with no `lock_timeout` set: while it waits, every later query on the table waits behind it",
                          help: "SET lock_timeout = '5s';  -- before this statement, inside the transaction")]
    }
}
