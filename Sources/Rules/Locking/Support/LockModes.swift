import SQLSource

/// Which statements take ACCESS EXCLUSIVE on a table, as PostgreSQL decides
/// (`AlterTableGetLockLevel` in tablecmds.c; an ALTER TABLE takes the
/// strongest mode of its subcommands).
enum LockModes {
    /// The subcommands that take less than ACCESS EXCLUSIVE: triggers and
    /// foreign keys (SHARE ROW EXCLUSIVE), statistics, CLUSTER ON, storage
    /// parameters, VALIDATE CONSTRAINT, ATTACH PARTITION and DETACH ...
    /// CONCURRENTLY (SHARE UPDATE EXCLUSIVE). Anything not known is taken
    /// as weaker, so no finding rests on a guess.
    static func takesAccessExclusive(_ command: AlterTableCommand) -> Bool {
        switch command.action {
        case .addColumn, .addColumnRecurse, .columnDefault, .dropNotNull, .setNotNull, .dropExpression,
             .setStorage, .dropColumn, .dropColumnRecurse, .addIndex, .alterConstraint, .addIndexConstraint,
             .dropConstraint, .dropConstraintRecurse, .alterColumnType, .changeOwner, .setLogged, .setUnlogged,
             .setTablespace, .setAccessMethod, .addInherit, .dropInherit, .replicaIdentity, .enableRowSecurity,
             .disableRowSecurity, .addIdentity, .setIdentity, .dropIdentity:
            return true
        case .addConstraint, .addConstraintRecurse:
            return command.definition?.constraint?.kind != .foreignKey
        case .detachPartition:
            return !command.isConcurrentPartitionCommand
        default:
            return false
        }
    }

    /// The tables `node` locks in ACCESS EXCLUSIVE mode, as written.
    static func accessExclusiveRelations(_ node: Node) -> [RangeVar] {
        if let alter = node.alterTable {
            guard alter.objectKind == .table, alter.commands.contains(where: takesAccessExclusive) else { return [] }
            return [alter.relation]
        }
        if let rename = node.rename, let relation = rename.relation,
           [.table, .column, .tableConstraint].contains(rename.objectKind) {
            return [relation]
        }
        if let truncate = node.truncate { return truncate.relations }
        if let lock = node.lockTable, lock.isAccessExclusive { return lock.relations }
        if let cluster = node.cluster, let relation = cluster.relation { return [relation] }
        if let vacuum = node.vacuum, vacuum.isVacuum, vacuum.isFull { return vacuum.relations }
        return []
    }
}
