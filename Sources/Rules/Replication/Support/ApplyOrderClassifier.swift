import Lint
import Schema
import SQLSource

/// Which side each statement must reach first (DESIGN.md "Rules"):
/// widening changes go to the subscriber first, narrowing ones to the
/// publisher first, and some break replication in both orders. Statements
/// that do not touch a replicated table need no order.
///
/// Each replication rule declares the changes whose hazard it reports
/// (`Rule.orderedChanges`). What is left, the order a statement's shape
/// implies and nothing more, is `replication-apply-order`'s, and lives here.
enum ApplyOrderClassifier {
    /// Every ordered change of `statement`, each from the rule that owns it,
    /// in the order of the statement's commands. A command some rule claims
    /// is that rule's; apply-order's plain order for it gives way.
    static func changes(_ statement: Statement, in context: LintContext) -> [OrderedChange] {
        // The engine collected every other rule's changes while it checked
        // them; a caller outside the engine (`plan`) asks the owners here.
        let claimed = context.orderedChanges ?? owners.flatMap { $0.orderedChanges(statement, in: context) }
        let taken = Set(claimed.map(\.command))
        let plain = plainChanges(statement, in: context).filter { !taken.contains($0.command) }
        return (claimed + plain).enumerated()
            .sorted { ($0.element.command, $0.offset) < ($1.element.command, $1.offset) }
            .map(\.element)
    }

    /// The rules that can claim a change: apply-order's is what they leave.
    /// Every other rule, since a rule that owns none declares none; chosen by
    /// id, because `is any HazardRule` is a conformance scan of the whole
    /// binary's metadata, about half of a small file's lint run.
    static let owners: [any Rule] = RuleRegistry.all.filter { $0.id != .replicationApplyOrder }

    /// The order each part of the statement needs by its shape alone.
    static func plainChanges(_ statement: Statement, in context: LintContext) -> [OrderedChange] {
        guard let node = statement.node else { return [] }
        let change = Plain(statement)
        if let create = node.createTable {
            let name = context.publisherCatalog.creationName(schema: create.relation.schema, name: create.relation.name, searchPath: context.searchPath)
            guard create.mayBePublished, context.willBeReplicated(name) else { return [] }
            return [change(.subscriberFirst, "a new table: the subscriber must have it before the publisher publishes rows into it")]
        }
        if let alter = node.alterTable, alter.altersTable {
            guard let table = context.replicatedTable(alter.relation) else { return [] }
            return alter.commands.enumerated().compactMap { alterTable($1, $0, table, change) }
        }
        if let index = node.createIndex {
            guard context.replicatedTable(index.relation) != nil else { return [] }
            return index.isUnique
                ? [change(.publisherFirst, "a new unique index narrows what the table accepts: on the subscriber first, a row the publisher allows would stop apply with a duplicate key")]
                : [change(.subscriberFirst, "a new index widens nothing, but the subscriber gets it first by convention")]
        }
        if let drop = node.drop { return self.drop(drop, context, change) }
        if let alter = node.alterEnum, alter.oldLabel == nil, !context.replicatedUsers(ofEnum: alter.names).isEmpty {
            return [change(.subscriberFirst, "a new enum label: the subscriber must accept `\(alter.newLabel)` before the publisher writes it (`invalid input value for enum`)")]
        }
        return []
    }

    static func drop(_ drop: Drop, _ context: LintContext, _ change: Plain) -> [OrderedChange] {
        switch drop.objectKind {
        case .table:
            return drop.objects.enumerated().compactMap { index, parts -> OrderedChange? in
                guard let name = parts.last else { return nil }
                let schema = parts.count > 1 ? parts[parts.count - 2] : nil
                let qualified = context.publisherCatalog.resolveTable(schema: schema, name: name, searchPath: context.searchPath)
                    ?? context.publisherCatalog.creationName(schema: schema, name: name, searchPath: context.searchPath)
                guard let table = context.replicatedTable(qualified) else { return nil }
                return change(.publisherFirst, "\(table.described) disappears: the publisher must stop sending its rows before the subscriber drops it (`relation ... does not exist`)", command: index)
            }
        case .index:
            return drop.objects.enumerated().compactMap { index, parts -> OrderedChange? in
                guard let dropped = context.index(named: parts), dropped.isUnique, context.replicatedTable(dropped.table) != nil else { return nil }
                return change(.subscriberFirst, "dropping a unique index widens what the subscriber accepts", command: index)
            }
        default:
            return []
        }
    }

    /// Makes apply-order's own changes for one statement.
    struct Plain {
        let statement: Statement

        init(_ statement: Statement) { self.statement = statement }

        func callAsFunction(_ order: ApplyOrder, _ reason: String, command: Int = 0, prerequisite: String? = nil) -> OrderedChange {
            OrderedChange(statement: statement.index, command: command, range: statement.range, order: order, reason: reason,
                          prerequisite: prerequisite, rule: RuleID.replicationApplyOrder)
        }
    }
}
