import CPgQuery

// Swift names for the parse-tree enums rules read, each mapped from the
// protobuf-c constants of pg_query.pb-c.h (see `ParseTreeEnum`).

public enum AlterTableAction: ParseTreeEnum {
    case addColumn, addColumnRecurse, columnDefault, dropNotNull, setNotNull
    case dropExpression, setStatistics, setStorage, dropColumn, dropColumnRecurse
    case addIndex, addConstraint, addConstraintRecurse, alterConstraint
    case validateConstraint, validateConstraintRecurse, addIndexConstraint
    case dropConstraint, dropConstraintRecurse, alterColumnType, changeOwner
    case clusterOn, setLogged, setUnlogged, setTablespace, setRelOptions
    case resetRelOptions, enableTrigger, enableAlwaysTrigger, enableReplicaTrigger
    case disableTrigger, enableAllTriggers, disableAllTriggers, enableUserTriggers
    case disableUserTriggers, addInherit, dropInherit, replicaIdentity
    case enableRowSecurity, disableRowSecurity, attachPartition, detachPartition
    case detachPartitionFinalize, addIdentity, setIdentity, dropIdentity
    case other

    static let mapping = CEnumTable<PgQuery__AlterTableType, Self>(unmapped: .other, [
        (PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn, .addColumn),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse, .addColumnRecurse),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault, .columnDefault),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull, .dropNotNull),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull, .setNotNull),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression, .dropExpression),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics, .setStatistics),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage, .setStorage),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn, .dropColumn),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse, .dropColumnRecurse),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_AddIndex, .addIndex),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint, .addConstraint),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse, .addConstraintRecurse),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_AlterConstraint, .alterConstraint),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint, .validateConstraint),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse, .validateConstraintRecurse),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_AddIndexConstraint, .addIndexConstraint),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint, .dropConstraint),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse, .dropConstraintRecurse),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType, .alterColumnType),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner, .changeOwner),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn, .clusterOn),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged, .setLogged),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged, .setUnlogged),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace, .setTablespace),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions, .setRelOptions),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions, .resetRelOptions),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig, .enableTrigger),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig, .enableAlwaysTrigger),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig, .enableReplicaTrigger),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig, .disableTrigger),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll, .enableAllTriggers),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll, .disableAllTriggers),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser, .enableUserTriggers),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser, .disableUserTriggers),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit, .addInherit),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit, .dropInherit),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity, .replicaIdentity),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity, .enableRowSecurity),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity, .disableRowSecurity),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition, .attachPartition),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition, .detachPartition),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize, .detachPartitionFinalize),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity, .addIdentity),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity, .setIdentity),
        (PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity, .dropIdentity),
    ])
}

public enum ObjectKind: ParseTreeEnum {
    case undefined, column, database, domain, `extension`, foreignTable
    case function, index, materializedView, policy, procedure
    case publication, role, routine, rule, schema, sequence
    case subscription, tableConstraint, table, trigger, type, view
    case other

    static let mapping = CEnumTable<PgQuery__ObjectType, Self>(unmapped: .other, [
        (PG_QUERY__OBJECT_TYPE__OBJECT_TYPE_UNDEFINED, .undefined),
        (PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN, .column),
        (PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE, .database),
        (PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN, .domain),
        (PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION, .extension),
        (PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE, .foreignTable),
        (PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION, .function),
        (PG_QUERY__OBJECT_TYPE__OBJECT_INDEX, .index),
        (PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW, .materializedView),
        (PG_QUERY__OBJECT_TYPE__OBJECT_POLICY, .policy),
        (PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE, .procedure),
        (PG_QUERY__OBJECT_TYPE__OBJECT_PUBLICATION, .publication),
        (PG_QUERY__OBJECT_TYPE__OBJECT_ROLE, .role),
        (PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE, .routine),
        (PG_QUERY__OBJECT_TYPE__OBJECT_RULE, .rule),
        (PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA, .schema),
        (PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE, .sequence),
        (PG_QUERY__OBJECT_TYPE__OBJECT_SUBSCRIPTION, .subscription),
        (PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT, .tableConstraint),
        (PG_QUERY__OBJECT_TYPE__OBJECT_TABLE, .table),
        (PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER, .trigger),
        (PG_QUERY__OBJECT_TYPE__OBJECT_TYPE, .type),
        (PG_QUERY__OBJECT_TYPE__OBJECT_VIEW, .view),
    ])
}

public enum ConstraintKind: ParseTreeEnum {
    case null, notNull, defaultValue, identity, generated, check
    case primaryKey, unique, exclusion, foreignKey
    case deferrable, notDeferrable, deferred, immediate
    case other

    static let mapping = CEnumTable<PgQuery__ConstrType, Self>(unmapped: .other, [
        (PG_QUERY__CONSTR_TYPE__CONSTR_NULL, .null),
        (PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL, .notNull),
        (PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT, .defaultValue),
        (PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY, .identity),
        (PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED, .generated),
        (PG_QUERY__CONSTR_TYPE__CONSTR_CHECK, .check),
        (PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY, .primaryKey),
        (PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE, .unique),
        (PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION, .exclusion),
        (PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN, .foreignKey),
        (PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE, .deferrable),
        (PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE, .notDeferrable),
        (PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED, .deferred),
        (PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE, .immediate),
    ])
}

public enum TransactionKind: ParseTreeEnum {
    case begin, start, commit, rollback, savepoint, release
    case rollbackTo, prepare, commitPrepared, rollbackPrepared
    case other

    static let mapping = CEnumTable<PgQuery__TransactionStmtKind, Self>(unmapped: .other, [
        (PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN, .begin),
        (PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START, .start),
        (PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT, .commit),
        (PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK, .rollback),
        (PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT, .savepoint),
        (PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE, .release),
        (PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO, .rollbackTo),
        (PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE, .prepare),
        (PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT_PREPARED, .commitPrepared),
        (PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_PREPARED, .rollbackPrepared),
    ])
}

public enum DropBehavior: ParseTreeEnum {
    case unspecified, restrict, cascade

    static let mapping = CEnumTable<PgQuery__DropBehavior, Self>(unmapped: .unspecified, [
        (PG_QUERY__DROP_BEHAVIOR__DROP_BEHAVIOR_UNDEFINED, .unspecified),
        (PG_QUERY__DROP_BEHAVIOR__DROP_RESTRICT, .restrict),
        (PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE, .cascade),
    ])
}

public enum SQLValueFunctionKind: ParseTreeEnum {
    case currentDate, currentTime, currentTimeN, currentTimestamp, currentTimestampN
    case localTime, localTimeN, localTimestamp, localTimestampN
    case currentRole, currentUser, user, sessionUser, currentCatalog, currentSchema
    case other

    static let mapping = CEnumTable<PgQuery__SQLValueFunctionOp, Self>(unmapped: .other, [
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE, .currentDate),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME, .currentTime),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N, .currentTimeN),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP, .currentTimestamp),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N, .currentTimestampN),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME, .localTime),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N, .localTimeN),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP, .localTimestamp),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N, .localTimestampN),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE, .currentRole),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER, .currentUser),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER, .user),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER, .sessionUser),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG, .currentCatalog),
        (PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA, .currentSchema),
    ])
}
