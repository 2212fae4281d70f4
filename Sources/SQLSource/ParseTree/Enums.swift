import CPgQuery

/// A Swift enum read from one of libpg_query's protobuf-c enums
/// (pg_query.pb-c.h). Its initialiser names the C constants, so a libpg_query
/// upgrade that renumbers them moves the mapping along and one that renames
/// or removes one fails the build; a constant it does not name reads as its
/// `default:` case. A `switch`, not a table: no metadata to build at start-up.
protocol ParseTreeEnum: CaseIterable, Hashable, Sendable {
    associatedtype CEnum: RawRepresentable where CEnum.RawValue == UInt32
    init(_ c: CEnum)
}

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
    case setAccessMethod
    case other

    init(_ c: PgQuery__AlterTableType) {
        switch c {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: self = .addColumn
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse: self = .addColumnRecurse
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault: self = .columnDefault
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull: self = .dropNotNull
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull: self = .setNotNull
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression: self = .dropExpression
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics: self = .setStatistics
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage: self = .setStorage
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn: self = .dropColumn
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse: self = .dropColumnRecurse
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIndex: self = .addIndex
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: self = .addConstraint
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse: self = .addConstraintRecurse
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterConstraint: self = .alterConstraint
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint: self = .validateConstraint
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse: self = .validateConstraintRecurse
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIndexConstraint: self = .addIndexConstraint
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint: self = .dropConstraint
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse: self = .dropConstraintRecurse
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: self = .alterColumnType
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner: self = .changeOwner
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn: self = .clusterOn
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged: self = .setLogged
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged: self = .setUnlogged
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace: self = .setTablespace
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions: self = .setRelOptions
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions: self = .resetRelOptions
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig: self = .enableTrigger
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig: self = .enableAlwaysTrigger
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig: self = .enableReplicaTrigger
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig: self = .disableTrigger
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll: self = .enableAllTriggers
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll: self = .disableAllTriggers
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser: self = .enableUserTriggers
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser: self = .disableUserTriggers
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit: self = .addInherit
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit: self = .dropInherit
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity: self = .replicaIdentity
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity: self = .enableRowSecurity
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity: self = .disableRowSecurity
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition: self = .attachPartition
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition: self = .detachPartition
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize: self = .detachPartitionFinalize
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity: self = .addIdentity
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity: self = .setIdentity
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity: self = .dropIdentity
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod: self = .setAccessMethod
        default: self = .other
        }
    }
}

public enum ObjectKind: ParseTreeEnum {
    case undefined, column, database, domain, `extension`, foreignTable
    case function, index, materializedView, policy, procedure
    case publication, role, routine, rule, schema, sequence
    case subscription, tableConstraint, table, trigger, type, view
    case aggregate, attribute, domainConstraint
    case other

    init(_ c: PgQuery__ObjectType) {
        switch c {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE_UNDEFINED: self = .undefined
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: self = .column
        case PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE: self = .database
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: self = .domain
        case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: self = .extension
        case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: self = .foreignTable
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION: self = .function
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: self = .index
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: self = .materializedView
        case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: self = .policy
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: self = .procedure
        case PG_QUERY__OBJECT_TYPE__OBJECT_PUBLICATION: self = .publication
        case PG_QUERY__OBJECT_TYPE__OBJECT_ROLE: self = .role
        case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: self = .routine
        case PG_QUERY__OBJECT_TYPE__OBJECT_RULE: self = .rule
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: self = .schema
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: self = .sequence
        case PG_QUERY__OBJECT_TYPE__OBJECT_SUBSCRIPTION: self = .subscription
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: self = .tableConstraint
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: self = .table
        case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: self = .trigger
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: self = .type
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: self = .view
        case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE: self = .aggregate
        case PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE: self = .attribute
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT: self = .domainConstraint
        default: self = .other
        }
    }
}

public enum ConstraintKind: ParseTreeEnum {
    case null, notNull, defaultValue, identity, generated, check
    case primaryKey, unique, exclusion, foreignKey
    case deferrable, notDeferrable, deferred, immediate
    case other

    init(_ c: PgQuery__ConstrType) {
        switch c {
        case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: self = .null
        case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: self = .notNull
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: self = .defaultValue
        case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY: self = .identity
        case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED: self = .generated
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: self = .check
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY: self = .primaryKey
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: self = .unique
        case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: self = .exclusion
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: self = .foreignKey
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE: self = .deferrable
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE: self = .notDeferrable
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED: self = .deferred
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE: self = .immediate
        default: self = .other
        }
    }
}

public enum TransactionKind: ParseTreeEnum {
    case begin, start, commit, rollback, savepoint, release
    case rollbackTo, prepare, commitPrepared, rollbackPrepared
    case other

    init(_ c: PgQuery__TransactionStmtKind) {
        switch c {
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN: self = .begin
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START: self = .start
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT: self = .commit
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK: self = .rollback
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT: self = .savepoint
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE: self = .release
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO: self = .rollbackTo
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE: self = .prepare
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT_PREPARED: self = .commitPrepared
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_PREPARED: self = .rollbackPrepared
        default: self = .other
        }
    }
}

public enum DropBehavior: ParseTreeEnum {
    case unspecified, restrict, cascade

    init(_ c: PgQuery__DropBehavior) {
        switch c {
        case PG_QUERY__DROP_BEHAVIOR__DROP_RESTRICT: self = .restrict
        case PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE: self = .cascade
        default: self = .unspecified
        }
    }
}

public enum SQLValueFunctionKind: ParseTreeEnum {
    case currentDate, currentTime, currentTimeN, currentTimestamp, currentTimestampN
    case localTime, localTimeN, localTimestamp, localTimestampN
    case currentRole, currentUser, user, sessionUser, currentCatalog, currentSchema
    case other

    init(_ c: PgQuery__SQLValueFunctionOp) {
        switch c {
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE: self = .currentDate
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME: self = .currentTime
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N: self = .currentTimeN
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP: self = .currentTimestamp
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N: self = .currentTimestampN
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME: self = .localTime
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N: self = .localTimeN
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP: self = .localTimestamp
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N: self = .localTimestampN
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE: self = .currentRole
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER: self = .currentUser
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER: self = .user
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER: self = .sessionUser
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG: self = .currentCatalog
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA: self = .currentSchema
        default: self = .other
        }
    }
}
