import Lint
import SQLSource

/// What `require-lock-timeout` and `require-statement-timeout` share: the
/// first statement that locks a table the file did not create, when no
/// earlier statement set the timeout.
enum TimeoutSetting {
    /// The relation a statement locks, for the statements whose lock can queue.
    static func lockedRelation(_ node: Node) -> RangeVar? {
        node.alterTable?.relation ?? node.createIndex?.relation ?? node.reindex?.relation ?? node.cluster?.relation
            ?? node.vacuum.flatMap { $0.isFull ? $0.relations.first : nil }
    }

    /// The first statement needing `setting` that has none before it.
    static func firstUnprotected(_ statement: Statement, _ setting: String, _ context: LintContext) -> Bool {
        guard let node = statement.node, let relation = lockedRelation(node), context.existedBeforeFile(relation) else { return false }
        for earlier in context.document.statements where earlier.index < statement.index {
            if earlier.node?.variableSet?.name == setting { return false }
            if let other = earlier.node, let r = lockedRelation(other), context.existedBeforeFile(r) { return false }
        }
        return true
    }
}
