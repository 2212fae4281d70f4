import Lint

/// Every rule replint knows, in the order `replint rules` lists them.
/// The one place where rule ids meet rule types.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        AlembicLogLineRule(),
        AlembicVersionTableRule(),
        SyntaxErrorRule(),
        TransactionControlRule(),
        EmptyMigrationRule(),
        UnusedSuppressionRule(),
        SchemaContradictionRule(),
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
        ReplicationSidesDifferRule(),
    ]

    public static var ids: Set<RuleID> { Set(all.map(\.id)) }

    public static func rule(_ id: RuleID) -> (any Rule)? { all.first { $0.id == id } }
}
