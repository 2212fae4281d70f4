import Lint
import Schema
import SQLSource

/// Which side each statement must reach first (DESIGN.md "Rules"):
/// widening changes go to the subscriber first, narrowing ones to the
/// publisher first, and some break replication in both orders. Statements
/// that do not touch a replicated table need no order.
public enum ApplyOrderClassifier {
    public static func classify(_ statement: Statement, in context: LintContext) -> [OrderedChange] {
        guard let node = statement.node else { return [] }
        let range = statement.range
        if let create = node.createTable { return createTable(create, statement, context) }
        if let alter = node.alterTable, alter.objectKind == .table || alter.objectKind == .other {
            guard let table = context.replicatedTable(alter.relation) else { return [] }
            return alter.commands.flatMap { alterTable($0, table, statement, context) }
        }
        if let index = node.createIndex {
            guard context.replicatedTable(index.relation) != nil else { return [] }
            return index.isUnique
                ? [OrderedChange(.publisherFirst, "a new unique index narrows what the table accepts: on the subscriber first, a row the publisher allows would stop apply with a duplicate key", range: range)]
                : [OrderedChange(.subscriberFirst, "a new index widens nothing, but the subscriber gets it first by convention", range: range)]
        }
        if let drop = node.drop { return self.drop(drop, statement, context) }
        if let rename = node.rename { return self.rename(rename, statement, context) }
        if let move = node.alterObjectSchema, move.objectKind == .table, let relation = move.relation {
            if context.replicatedTable(relation) != nil {
                return [OrderedChange(.unsafe, "the table leaves its name: whichever side moves first, the other cannot apply its rows", range: range, coveredBy: ReplicationRuleID.rename)]
            }
            return [OrderedChange(.either, "moves a table that is not replicated", range: range, coveredBy: ReplicationRuleID.refreshNeeded)]
        }
        if let alter = node.alterEnum {
            guard !context.replicatedUsers(ofEnum: alter.names).isEmpty else { return [] }
            if alter.oldLabel != nil {
                return [OrderedChange(.unsafe, "renaming an enum label breaks rows that carry it on the other side", range: range, coveredBy: ReplicationRuleID.rename)]
            }
            return [OrderedChange(.subscriberFirst, "a new enum label: the subscriber must accept `\(alter.newLabel)` before the publisher writes it (`invalid input value for enum`)", range: range)]
        }
        if node.createPublication != nil || node.alterPublication != nil || isPublicationOrSubscriptionDDL(node) {
            return [OrderedChange(.either, "publication and subscription DDL belongs to the replication set-up, not to a migration", range: range, coveredBy: ReplicationRuleID.publicationDDL)]
        }
        if let truncate = node.truncate, truncate.relations.contains(where: { context.replicatedTable($0) != nil }) {
            return [OrderedChange(.either, "TRUNCATE replicates by itself", range: range, coveredBy: ReplicationRuleID.truncate)]
        }
        if let relation = dataTarget(node), context.replicatedTable(relation) != nil {
            return [OrderedChange(.publisherFirst, "data changes replicate: run them on the publisher only", range: range, coveredBy: ReplicationRuleID.dataMigration)]
        }
        if let trigger = node.createTrigger, context.replicatedTable(trigger.relation) != nil {
            return [OrderedChange(.either, "a trigger on a replicated table does not fire for replicated rows", range: range, coveredBy: ReplicationRuleID.trigger)]
        }
        if node.alterSequence != nil || callsSetval(node) {
            return [OrderedChange(.either, "sequences are not replicated", range: range, coveredBy: ReplicationRuleID.sequenceChange)]
        }
        return []
    }

    static func createTable(_ create: CreateTable, _ statement: Statement, _ context: LintContext) -> [OrderedChange] {
        let name = context.publisherCatalog.creationName(schema: create.relation.schema, name: create.relation.name, searchPath: context.searchPath)
        if create.isPartition, let parent = create.inherits.first, context.replicatedTable(parent) != nil {
            return [OrderedChange(.subscriberFirst, "a new partition of a replicated table: the subscriber needs it before rows for it arrive", range: statement.range, coveredBy: ReplicationRuleID.partitionChange)]
        }
        guard context.willBeReplicated(name) else { return [] }
        return [OrderedChange(.subscriberFirst, "a new table: the subscriber must have it before the publisher publishes rows into it", range: statement.range)]
    }

    static func drop(_ drop: Drop, _ statement: Statement, _ context: LintContext) -> [OrderedChange] {
        let range = statement.range
        switch drop.objectKind {
        case .table:
            return drop.objects.compactMap { parts -> OrderedChange? in
                guard let name = parts.last else { return nil }
                let schema = parts.count > 1 ? parts[parts.count - 2] : nil
                let qualified = context.publisherCatalog.resolveTable(schema: schema, name: name, searchPath: context.searchPath)
                    ?? context.publisherCatalog.creationName(schema: schema, name: name, searchPath: context.searchPath)
                guard let table = context.replicatedTable(qualified) else { return nil }
                return OrderedChange(.publisherFirst, "\(table.described) disappears: the publisher must stop sending its rows before the subscriber drops it (`relation ... does not exist`)", range: range)
            }
        case .index:
            return drop.objects.compactMap { parts -> OrderedChange? in
                guard let index = context.index(named: parts), context.replicatedTable(index.table) != nil else { return nil }
                if context.publisherCatalog.replicaIdentityIndex(of: index.table)?.name == index.name {
                    return OrderedChange(.either, "drops the replica-identity index of `\(index.table)`", range: range, coveredBy: ReplicationRuleID.identity)
                }
                return index.isUnique
                    ? OrderedChange(.subscriberFirst, "dropping a unique index widens what the subscriber accepts", range: range)
                    : nil
            }
        case .publication, .subscription:
            return [OrderedChange(.either, "publication and subscription DDL belongs to the replication set-up, not to a migration", range: range, coveredBy: ReplicationRuleID.publicationDDL)]
        default:
            return []
        }
    }

    static func rename(_ rename: Rename, _ statement: Statement, _ context: LintContext) -> [OrderedChange] {
        let range = statement.range
        switch rename.objectKind {
        case .table, .column:
            guard let relation = rename.relation, rename.relationKind == .table || rename.objectKind == .table,
                  context.replicatedTable(relation) != nil else { return [] }
            return [OrderedChange(.unsafe, "a rename breaks replication whichever side goes first", range: range, coveredBy: ReplicationRuleID.rename)]
        case .schema:
            let old = rename.oldName ?? ""
            let holdsReplicated = context.publisherCatalog.tables.keys.contains { $0.schema == old && context.isReplicated($0) }
                || (!context.hasBaseline && context.replicationSource != .publications)
            return holdsReplicated ? [OrderedChange(.unsafe, "renaming a schema renames every replicated table in it", range: range, coveredBy: ReplicationRuleID.rename)] : []
        default:
            return []
        }
    }

    static func isPublicationOrSubscriptionDDL(_ node: Node) -> Bool {
        ["CreateSubscriptionStmt", "AlterSubscriptionStmt", "DropSubscriptionStmt"].contains(node.kindName)
    }

    static func dataTarget(_ node: Node) -> RangeVar? {
        if let s = node.insert { return s.relation.name == "alembic_version" ? nil : s.relation }
        if let s = node.update { return s.relation.name == "alembic_version" ? nil : s.relation }
        if let s = node.delete { return s.relation.name == "alembic_version" ? nil : s.relation }
        if let s = node.merge { return s.relation }
        return nil
    }

    static func callsSetval(_ node: Node) -> Bool {
        node.isSelect && node.descendants().contains { $0.functionCall?.name.last?.lowercased() == "setval" }
    }
}
