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
        SuppressionWithoutReasonRule(),
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
        RequireConcurrentIndexCreationRule(),
        RequireConcurrentIndexDeletionRule(),
        RequireConcurrentReindexRule(),
        RequireConcurrentPartitionDetachRule(),
        ConstraintMissingNotValidRule(),
        AddingForeignKeyConstraintRule(),
        AddingNotNullableFieldRule(),
        AddingFieldWithDefaultRule(),
        AddingSerialPrimaryKeyFieldRule(),
        ChangingColumnTypeRule(),
        DisallowedUniqueConstraintRule(),
        TableRewriteRule(),
        LongStatementAfterAccessExclusiveRule(),
        RequireForeignKeyIndexRule(),
        PreferSingleAlterTableRule(),
        ExistingRowsMayViolateRule(),
        RequireLockTimeoutRule(),
        RequireStatementTimeoutRule(),
        PreferRobustStmtsRule(),
        ReplicationSidesDifferRule(),
    ]

    public static var ids: Set<RuleID> { Set(all.map(\.id)) }

    /// Every alias a rule declares, mapped to the rule's own id.
    public static let aliases = RuleAliases(all.map(\.description))

    /// The rule `id` names: its own id or one of its aliases.
    public static func rule(_ id: RuleID) -> (any Rule)? {
        let own = aliases.resolve(id)
        return all.first { $0.id == own }
    }

    /// User-typed ids (suppressions, `--select`) resolved through `rule(_:)`, in any case.
    public static let resolver = RuleResolver(names: (all.map(\.id) + aliases.canonical.keys).map(\.rawValue).sorted()) { typed in
        rule(RuleID(rawValue: typed.lowercased()))?.id
    }
}
