import Lint
import Schema
import SQLSource

extension ApplyOrderClassifier {
    /// The plain order of one ALTER TABLE command. Commands with a hazard of
    /// their own (a generated, required or per-side-filled column, a column
    /// list, a type change, identity, partitions, triggers, ...) are claimed
    /// by their rules, and this order then gives way.
    static func alterTable(_ command: AlterTableCommand, _ index: Int, _ table: ReplicatedTable,
                           _ change: Plain) -> OrderedChange? {
        let column = command.columnName
        func order(_ order: ApplyOrder, _ reason: String, prerequisite: String? = nil) -> OrderedChange {
            change(order, reason, command: index, prerequisite: prerequisite)
        }
        switch command.action {
        case .addColumn, .addColumnRecurse:
            guard let def = command.definition?.columnDef else { return nil }
            return order(.subscriberFirst, "a new \(def.isNotNull ? "NOT NULL column with a constant default" : "nullable column"): the subscriber must have `\(def.name)` before the publisher sends it (`missing replicated column: \"\(def.name)\"`)")
        case .dropColumn, .dropColumnRecurse:
            guard let subscriberColumn = table.subscriberTable?.column(named: column) else {
                return order(.publisherFirst, "a dropped column must stop arriving before the subscriber drops it (`missing replicated column`); safe only if the subscriber's `\(column)` is nullable or has a default, \(table.subscriberColumnUnknown(column))")
            }
            if subscriberColumn.isNotNull && !subscriberColumn.hasDefault {
                return order(.unsafe, "the subscriber's `\(column)` is NOT NULL without a default: publisher-first, rows arriving without it stop apply (`null value in column \"\(column)\" ... violates not-null constraint`); subscriber-first, rows arriving with it stop apply (`missing replicated column`)",
                             prerequisite: "ALTER TABLE \(table.name) ALTER COLUMN \(quoteIdentifier(column)) DROP NOT NULL;")
            }
            return order(.publisherFirst, "a dropped column must stop arriving before the subscriber drops it (`missing replicated column: \"\(column)\"`)")
        case .setNotNull:
            return order(.publisherFirst, "NOT NULL narrows what `\(column)` accepts: the publisher must enforce it before the subscriber does (`null value in column \"\(column)\" ... violates not-null constraint`)")
        case .dropNotNull:
            return order(.subscriberFirst, "dropping NOT NULL widens what `\(column)` accepts: the subscriber must accept NULLs before the publisher sends them")
        case .addConstraint, .addConstraintRecurse, .addIndexConstraint:
            let constraint = command.definition?.constraint
            switch constraint?.kind {
            case .check?, .unique?, .exclusion?, .primaryKey?, nil:
                let what = constraint.map { "\($0.kind)".replacingCamelCase() } ?? "constraint"
                return order(.publisherFirst, "a new \(what) constraint narrows what the table accepts: on the subscriber first, a row the publisher still allows stops apply")
            case .foreignKey?:
                // The apply worker runs as session_replication_role = replica: foreign keys are not checked for replicated rows.
                return order(.either, "foreign keys are not checked for replicated rows; but a TRUNCATE of the referenced table then stops apply on the subscriber (RESTRICT)")
            default:
                return nil
            }
        case .dropConstraint, .dropConstraintRecurse:
            if table.table?.constraints.first(where: { $0.name == column })?.kind == .foreignKey {
                return order(.either, "foreign keys are not checked for replicated rows")
            }
            return order(.subscriberFirst, "dropping a constraint widens what the table accepts: the subscriber first")
        default:
            return nil
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
