import Lint

/// Every rule replint knows, in the order `replint rules` lists them.
/// The one place where rule ids meet rule types.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        AlembicLogLineRule(),
        AlembicVersionTableRule(),
        SyntaxErrorRule(),
        PlpgsqlSyntaxErrorRule(),
        BanDuplicateColumnAssignmentsRule(),
        EnumValueUsedBeforeCommitRule(),
        TransactionControlRule(),
        EmptyMigrationRule(),
        UnusedSuppressionRule(),
        SchemaContradictionRule(),
        // Compatibility: what breaks code deployed before the migration.
        BanDropColumnRule(), BanDropTableRule(), BanDropConstraintRule(), BanDropSchemaRule(), BanDropViewRule(),
        BanDropFunctionRule(), BanDropTypeRule(), BanDropSequenceRule(), BanDropDomainRule(), BanDropExtensionRule(),
        BanDropDefaultRule(), BanDropNotNullRule(), BanDropGeneratedExpressionRule(), BanDropDatabaseRule(),
        BanDropCascadeRule(), BanTruncateCascadeRule(), BanSetSchemaRule(), BanAlterIdentityRule(),
        RenamingColumnRule(), RenamingTableRule(), RenamingObjectRule(), AddingRequiredFieldRule(),
        BanAlterDomainWithAddConstraintRule(), RequireWhereClauseRule(), RequireInsertColumnListRule(),
        // Conventions: choices that cost later.
        BanCharFieldRule(), PreferBigintOverIntRule(), PreferBigintOverSmallintRule(), PreferIdentityRule(),
        PreferTextFieldRule(), PreferTimestampTzRule(), IdentifierTooLongRule(), RequireEnumValueOrderingRule(),
        BanCreateDomainWithConstraintRule(),
        ReplicationApplyOrderRule(),
        ReplicationRenameRule(),
        ReplicationColumnTypeChangeRule(),
        ReplicationAddRequiredColumnRule(),
        ReplicationVolatileDefaultRule(),
        ReplicationIdentityRule(),
        ReplicationTableWithoutIdentityRule(),
        ReplicationColumnListRule(),
        ReplicationRefreshNeededRule(),
        ReplicationPublicationDDLRule(),
        ReplicationTruncateRule(),
        ReplicationDataMigrationRule(),
        ReplicationSequenceChangeRule(),
        ReplicationPartitionChangeRule(),
        ReplicationTriggerRule(),
        ReplicationGeneratedColumnRule(),
    ]

    public static var ids: Set<RuleID> { Set(all.map(\.id)) }

    public static func rule(_ id: RuleID) -> (any Rule)? { all.first { $0.id == id } }
}
