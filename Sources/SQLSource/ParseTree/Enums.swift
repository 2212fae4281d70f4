import CPgQuery

// Swift names for the parse-tree enums rules read. Raw values are
// libpg_query's own numbering (pg_query.pb-c.h), so conversion is a cast.

public enum AlterTableAction: Int, Sendable {
    case addColumn = 1, addColumnRecurse = 2, columnDefault = 4, dropNotNull = 6, setNotNull = 7
    case dropExpression = 8, setStatistics = 10, setStorage = 13, dropColumn = 15, dropColumnRecurse = 16
    case addIndex = 17, addConstraint = 19, addConstraintRecurse = 20, alterConstraint = 23
    case validateConstraint = 24, validateConstraintRecurse = 25, addIndexConstraint = 26
    case dropConstraint = 27, dropConstraintRecurse = 28, alterColumnType = 30, changeOwner = 32
    case clusterOn = 33, setLogged = 35, setUnlogged = 36, setTablespace = 39, setRelOptions = 40
    case resetRelOptions = 41, enableTrigger = 43, enableAlwaysTrigger = 44, enableReplicaTrigger = 45
    case disableTrigger = 46, enableAllTriggers = 47, disableAllTriggers = 48, enableUserTriggers = 49
    case disableUserTriggers = 50, addInherit = 55, dropInherit = 56, replicaIdentity = 59
    case enableRowSecurity = 60, disableRowSecurity = 61, attachPartition = 65, detachPartition = 66
    case detachPartitionFinalize = 67, addIdentity = 68, setIdentity = 69, dropIdentity = 70
    case other = 0
}

public enum ObjectKind: Int, Sendable {
    case undefined = 0, column = 7, database = 10, domain = 13, `extension` = 16, foreignTable = 19
    case function = 20, index = 21, materializedView = 24, policy = 29, procedure = 30
    case publication = 31, role = 34, routine = 35, rule = 36, schema = 37, sequence = 38
    case subscription = 39, tableConstraint = 41, table = 42, trigger = 45, type = 50, view = 52
    case other = -1
}

public enum ConstraintKind: Int, Sendable {
    case null = 1, notNull = 2, defaultValue = 3, identity = 4, generated = 5, check = 6
    case primaryKey = 7, unique = 8, exclusion = 9, foreignKey = 10
    case deferrable = 11, notDeferrable = 12, deferred = 13, immediate = 14
    case other = 0
}

public enum TransactionKind: Int, Sendable {
    case begin = 1, start = 2, commit = 3, rollback = 4, savepoint = 5, release = 6
    case rollbackTo = 7, prepare = 8, commitPrepared = 9, rollbackPrepared = 10
    case other = 0
}

public enum DropBehavior: Int, Sendable {
    case unspecified = 0, restrict = 1, cascade = 2
}

extension RawRepresentable where RawValue == Int {
    static func from<T: RawRepresentable>(_ c: T, default fallback: Self) -> Self where T.RawValue: BinaryInteger {
        Self(rawValue: Int(c.rawValue)) ?? fallback
    }
}
