import Lint
import Schema
import SQLSource

/// The constraints an ALTER TABLE adds, table-level or on an added column,
/// with the column they came with.
struct AddedConstraint {
    let constraint: Constraint
    /// Set when the constraint is written on an ADD COLUMN.
    let newColumn: ColumnDef?

    /// The constrained columns: the table constraint's keys, or the added column.
    var columns: [String] {
        if let newColumn { return [newColumn.name] }
        return constraint.kind == .foreignKey ? constraint.foreignKeyColumns : constraint.keys
    }
}

extension AlterTable {
    var addedConstraints: [AddedConstraint] {
        commands.flatMap { command -> [AddedConstraint] in
            switch command.action {
            case .addConstraint, .addConstraintRecurse:
                return command.definition?.constraint.map { [AddedConstraint(constraint: $0, newColumn: nil)] } ?? []
            case .addColumn, .addColumnRecurse:
                guard let def = command.definition?.columnDef else { return [] }
                return def.constraints.map { AddedConstraint(constraint: $0, newColumn: def) }
            default:
                return []
            }
        }
    }
}

/// Names PostgreSQL would give, used when the statement gives none.
enum ConstraintNames {
    static func make(_ table: String, _ columns: [String], _ suffix: String) -> String {
        ([table] + columns + [suffix]).joined(separator: "_")
    }
}

/// Help SQL for a UNIQUE or PRIMARY KEY built without a long lock.
enum IndexBackedConstraintHelp {
    static func sql(kind: String, table: LockedTable, columns: [String], name: String?) -> String {
        let base = table.table?.name.name ?? table.relation.name
        let constraint = name ?? ConstraintNames.make(base, columns, kind == "PRIMARY KEY" ? "pkey" : "key")
        let cols = columns.map(quoteIdentifier).joined(separator: ", ")
        let schema = table.table?.name.schema ?? table.relation.schema
        let indexName = schema.map { QualifiedName($0, constraint).description } ?? quoteIdentifier(constraint)
        return """
        Build the index first without blocking writes, in an autocommit block, then make it the constraint (a brief lock):
        COMMIT;
        CREATE UNIQUE INDEX CONCURRENTLY \(quoteIdentifier(constraint)) ON \(table.sql) (\(cols));
        BEGIN;
        ALTER TABLE \(table.sql) ADD CONSTRAINT \(quoteIdentifier(constraint)) \(kind) USING INDEX \(quoteIdentifier(constraint));
        (If the build fails, it leaves an INVALID index: `DROP INDEX CONCURRENTLY \(indexName);` before trying again.)
        """
    }
}
