import Lint
import Schema
import SQLSource

/// Statements whose time grows with the rows of a table that existed before
/// the file: index builds, backfills, validation scans and rewrites.
enum LongStatements {
    static let alembicVersion = "alembic_version"

    /// What makes `statement` long, or nil when it is not.
    static func work(_ statement: Statement, _ context: LintContext) -> String? {
        guard let node = statement.node else { return nil }
        if let index = node.createIndex, !index.isConcurrent, let locked = context.lockedTable(index.relation) {
            return "builds \(index.name.map { "index `\($0)`" } ?? "an index") on \(locked.sql)"
        }
        // alembic's one-row bookkeeping table is quick to write (and
        // alembic-version-table reports it anyway).
        if let update = node.update, update.relation.name != alembicVersion, let locked = context.lockedTable(update.relation) {
            return "updates rows of \(locked.sql)"
        }
        if let delete = node.delete, delete.relation.name != alembicVersion, let locked = context.lockedTable(delete.relation) {
            return "deletes rows of \(locked.sql)"
        }
        if let insert = node.insert, let source = insert.sourceRelations.first(where: context.existedBeforeFile),
           let locked = context.lockedTable(source) {
            return "copies rows from \(locked.sql)"
        }
        if let reindex = node.reindex, !reindex.isConcurrent, let relation = reindex.relation, reindex.isTable,
           let locked = context.lockedTable(relation) {
            return "rebuilds the indexes of \(locked.sql)"
        }
        if let relation = node.cluster?.relation, let locked = context.lockedTable(relation) {
            return "rewrites \(locked.sql) (CLUSTER)"
        }
        if let alter = node.alterTable, alter.objectKind == .table, let locked = context.lockedTable(alter.relation) {
            return alterWork(alter, locked, context)
        }
        return nil
    }

    /// The long part of an ALTER TABLE: a rewrite, an index build or a scan.
    static func alterWork(_ alter: AlterTable, _ locked: LockedTable, _ context: LintContext) -> String? {
        for command in alter.commands {
            switch command.action {
            case .addColumn, .addColumnRecurse:
                if let def = command.definition?.columnDef, AddingFieldWithDefaultRule.rewriteReason(def, context) != nil {
                    return "rewrites \(locked.sql) (ADD COLUMN \(def.name))"
                }
            case .alterColumnType:
                guard let column = command.name else { continue }
                guard let old = locked.table?.column(named: column)?.typeName,
                      let type = command.definition?.columnDef?.typeName else { return "may rewrite \(locked.sql) (ALTER COLUMN \(column) TYPE)" }
                let new = context.publisherCatalog.columnType(type, searchPath: context.searchPath).normalized
                if TypeChangeRewrite.decide(from: old, to: new, postgresVersion: context.postgresVersion) != .none {
                    return "rewrites \(locked.sql) or its indexes (ALTER COLUMN \(column) TYPE)"
                }
            case .setLogged, .setUnlogged:
                return "rewrites \(locked.sql) (\(command.action == .setLogged ? "SET LOGGED" : "SET UNLOGGED"))"
            case .setAccessMethod:
                if let method = command.name, TableRewriteRule.accessMethodRewrites(to: method, locked) {
                    return "rewrites \(locked.sql) (SET ACCESS METHOD)"
                }
            case .setNotNull:
                guard let column = command.name else { continue }
                if !(context.postgresVersion >= 12 && AddingNotNullableFieldRule.provingCheck(column, locked.table)?.isValidated == true) {
                    return "scans \(locked.sql) (SET NOT NULL)"
                }
            case .validateConstraint, .validateConstraintRecurse:
                return "scans \(locked.sql) (VALIDATE CONSTRAINT \(command.name ?? ""))"
            default:
                continue
            }
        }
        for added in alter.addedConstraints {
            let constraint = added.constraint
            switch constraint.kind {
            case .check, .foreignKey:
                if !constraint.skipsValidation { return "scans \(locked.sql) (ADD \(constraint.kind == .check ? "CHECK" : "FOREIGN KEY"))" }
            case .unique, .primaryKey:
                if constraint.indexName == nil { return "builds an index on \(locked.sql) (ADD \(constraint.kind == .unique ? "UNIQUE" : "PRIMARY KEY"))" }
            case .exclusion:
                return "builds an index on \(locked.sql) (ADD EXCLUDE)"
            default:
                continue
            }
        }
        return nil
    }
}
