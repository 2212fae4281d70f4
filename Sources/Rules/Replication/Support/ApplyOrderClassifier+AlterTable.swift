import Lint
import Schema
import SQLSource

extension ApplyOrderClassifier {
    static func alterTable(_ command: AlterTableCommand, _ table: ReplicatedTable, _ statement: Statement,
                           _ context: LintContext) -> [OrderedChange] {
        let range = statement.range
        let column = command.name ?? command.definition?.columnDef?.name ?? ""
        func change(_ order: ApplyOrder, _ reason: String, coveredBy: String? = nil, prerequisite: String? = nil) -> [OrderedChange] {
            [OrderedChange(order, reason, range: range, coveredBy: coveredBy, prerequisite: prerequisite)]
        }
        switch command.action {
        case .addColumn, .addColumnRecurse:
            guard let def = command.definition?.columnDef else { return [] }
            return addColumn(def, table, context, change)
        case .dropColumn, .dropColumnRecurse:
            if table.columnLists.contains(where: { $0.columns.contains(column) }) {
                return change(.publisherFirst, "`\(column)` is in a publication's column list", coveredBy: ReplicationRuleID.columnList)
            }
            guard let subscriberColumn = table.subscriberTable?.column(named: column) else {
                return change(.publisherFirst, "a dropped column must stop arriving before the subscriber drops it (`missing replicated column`); safe only if the subscriber's `\(column)` is nullable or has a default, which replint cannot see without a baseline")
            }
            if subscriberColumn.isNotNull && !subscriberColumn.hasDefault {
                return change(.unsafe, "the subscriber's `\(column)` is NOT NULL without a default: publisher-first, rows arriving without it stop apply (`null value in column \"\(column)\" ... violates not-null constraint`); subscriber-first, rows arriving with it stop apply (`missing replicated column`)",
                              prerequisite: "ALTER TABLE \(table.name) ALTER COLUMN \(quoteIdentifier(column)) DROP NOT NULL;")
            }
            return change(.publisherFirst, "a dropped column must stop arriving before the subscriber drops it (`missing replicated column: \"\(column)\"`)")
        case .alterColumnType:
            return change(typeChangeOrder(command, table, context), "changes the type of `\(column)`", coveredBy: ReplicationRuleID.columnTypeChange)
        case .setNotNull:
            return change(.publisherFirst, "NOT NULL narrows what `\(column)` accepts: the publisher must enforce it before the subscriber does (`null value in column \"\(column)\" ... violates not-null constraint`)")
        case .dropNotNull:
            return change(.subscriberFirst, "dropping NOT NULL widens what `\(column)` accepts: the subscriber must accept NULLs before the publisher sends them")
        case .addConstraint, .addConstraintRecurse, .addIndexConstraint:
            let constraint = command.definition?.constraint
            switch constraint?.kind {
            case .check?, .unique?, .exclusion?, .primaryKey?, nil:
                let what = constraint.map { "\($0.kind)".replacingCamelCase() } ?? "constraint"
                return change(.publisherFirst, "a new \(what) constraint narrows what the table accepts: on the subscriber first, a row the publisher still allows stops apply")
            case .foreignKey?:
                // The apply worker runs as session_replication_role = replica: foreign keys are not checked for replicated rows.
                return change(.either, "foreign keys are not checked for replicated rows; but a TRUNCATE of the referenced table then stops apply on the subscriber (RESTRICT)")
            default:
                return []
            }
        case .dropConstraint, .dropConstraintRecurse:
            let existing = table.table?.constraints.first { $0.name == column }
            if existing?.kind == .primaryKey, table.table?.replicaIdentity == .default {
                return change(.either, "drops the primary key, the table's replica identity", coveredBy: ReplicationRuleID.identity)
            }
            if existing?.kind == .foreignKey {
                return change(.either, "foreign keys are not checked for replicated rows")
            }
            return change(.subscriberFirst, "dropping a constraint widens what the table accepts: the subscriber first")
        case .replicaIdentity:
            return change(.either, "changes the replica identity", coveredBy: ReplicationRuleID.identity)
        case .attachPartition, .detachPartition, .detachPartitionFinalize:
            return change(.either, "changes the partitions of a replicated table", coveredBy: ReplicationRuleID.partitionChange)
        case .enableTrigger, .enableAlwaysTrigger, .enableReplicaTrigger, .enableAllTriggers, .enableUserTriggers:
            return change(.either, "enables a trigger on a replicated table", coveredBy: ReplicationRuleID.trigger)
        case .dropExpression:
            return change(.unsafe, "`\(column)` stops being generated and starts being published", coveredBy: ReplicationRuleID.generatedColumn)
        case .setIdentity:
            return change(.either, "changes an identity column's sequence", coveredBy: ReplicationRuleID.sequenceChange)
        default:
            return []
        }
    }

    private static func addColumn(_ def: ColumnDef, _ table: ReplicatedTable, _ context: LintContext,
                                  _ change: (ApplyOrder, String, String?, String?) -> [OrderedChange]) -> [OrderedChange] {
        let facts = ColumnFacts(def, context)
        if facts.isGenerated {
            return change(.either, "a stored generated column is computed on each side and not published", ReplicationRuleID.generatedColumn, nil)
        }
        if facts.isRequired {
            return change(.unsafe, "`\(def.name)` is NOT NULL without a default", ReplicationRuleID.addRequiredColumn, nil)
        }
        if facts.fillsExistingRowsDifferently {
            return change(.subscriberFirst, "`\(def.name)` is filled by \(facts.defaultDescription) on each side separately", ReplicationRuleID.volatileDefault, nil)
        }
        if !table.columnLists.isEmpty {
            return change(.subscriberFirst, "a new column on a table published with a column list", ReplicationRuleID.columnList, nil)
        }
        return change(.subscriberFirst, "a new \(def.isNotNull ? "NOT NULL column with a constant default" : "nullable column"): the subscriber must have `\(def.name)` before the publisher sends it (`missing replicated column: \"\(def.name)\"`)", nil, nil)
    }

    /// Widening type changes go subscriber-first, narrowing ones publisher-first; others break both ways.
    static func typeChangeOrder(_ command: AlterTableCommand, _ table: ReplicatedTable, _ context: LintContext) -> ApplyOrder {
        guard let name = command.name, let old = table.subscriberTable?.column(named: name)?.typeName,
              let type = command.definition?.columnDef?.typeName else { return .unsafe }
        let new = context.publisherCatalog.columnType(type, searchPath: context.searchPath).normalized
        switch TypeWidth.compare(old, new) {
        case .wider?: return .subscriberFirst
        case .narrower?: return .publisherFirst
        case nil: return .unsafe
        }
    }
}

extension String {
    /// `primaryKey` -> `primary key`, for messages.
    func replacingCamelCase() -> String {
        reduce(into: "") { out, c in
            if c.isUppercase { out += " " + c.lowercased() } else { out.append(c) }
        }
    }
}
