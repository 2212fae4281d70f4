import Lint
import SQLSource

extension RuleID {
    public static let preferRobustStmts: RuleID = "prefer-robust-stmts"
}

/// CREATE/DROP without IF [NOT] EXISTS where a failed run leaves the change
/// behind: in an autocommit block. Off by default.
public struct PreferRobustStmtsRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .preferRobustStmts,
        name: "Statement that cannot be rerun",
        category: .locking,
        defaultSeverity: .warning,
        isEnabledByDefault: false,
        summary: "CREATE INDEX / DROP INDEX / CREATE TABLE / DROP TABLE without IF [NOT] EXISTS in an autocommit block.",
        rationale: """
        A statement that commits on its own stays applied when a later one fails, and the rerun \
        then fails on it (`relation ... already exists`); a failed CREATE INDEX CONCURRENTLY even \
        leaves an INVALID index behind. Only statements outside the file's transaction are \
        reported: alembic's offline SQL runs the rest in one transaction, which rolls back as a \
        whole, so IF NOT EXISTS buys nothing there. Off by default for that reason; turn it on \
        (`rules: {prefer-robust-stmts: warning}`) for files with autocommit blocks.
        """,
        safeAlternative: "`CREATE INDEX CONCURRENTLY IF NOT EXISTS ...`, `DROP INDEX CONCURRENTLY IF EXISTS ...`.",
        triggeringExamples: [
            RuleExample("BEGIN;\nCOMMIT;\n↓CREATE INDEX CONCURRENTLY ix ON hbi.hosts (display_name);\nBEGIN;\nCOMMIT;"),
        ],
        nonTriggeringExamples: [
            RuleExample("BEGIN;\nCOMMIT;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON hbi.hosts (display_name);\nBEGIN;\nCOMMIT;"),
            RuleExample("BEGIN;\nCREATE TABLE hbi.t (a int);\nCOMMIT;", note: "Inside the file's transaction"),
        ],
        notes: LockingNotes.make(lock: "None of its own: this is about rerunning a file that failed halfway.",
                                 docs: LockingNotes.createIndex))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let node = statement.node, !context.runsInTransaction(statement) else { return [] }
        let missing: String?
        if let index = node.createIndex { missing = index.ifNotExists ? nil : "IF NOT EXISTS" }
        else if let create = node.createTable { missing = create.ifNotExists ? nil : "IF NOT EXISTS" }
        else if let drop = node.drop, drop.objectKind == .index || drop.objectKind == .table { missing = drop.missingOK ? nil : "IF EXISTS" }
        else { missing = nil }
        guard let missing else { return [] }
        let keyword = node.drop != nil ? (node.drop?.isConcurrent == true ? "CONCURRENTLY" : (node.drop?.objectKind == .index ? "INDEX" : "TABLE"))
            : node.createIndex.map { $0.isConcurrent ? "CONCURRENTLY" : "INDEX" } ?? "TABLE"
        return [Violation(range: statement.range, message: "commits on its own without \(missing): if a later statement fails, rerunning the file fails here",
                          help: StatementText.inserting(missing, after: keyword, in: statement.text) + ";")]
    }
}
