/// The replication rules' ids, in one place: the classifier names the rule
/// that reports a hazard, and each rule's description uses its id from here.
enum ReplicationRuleID {
    static let applyOrder = "replication-apply-order"
    static let rename = "replication-rename"
    static let columnTypeChange = "replication-column-type-change"
    static let addRequiredColumn = "replication-add-required-column"
    static let volatileDefault = "replication-volatile-default"
    static let identity = "replication-identity"
    static let tableWithoutIdentity = "replication-table-without-identity"
    static let columnList = "replication-column-list"
    static let refreshNeeded = "replication-refresh-needed"
    static let publicationDDL = "replication-publication-ddl"
    static let truncate = "replication-truncate"
    static let dataMigration = "replication-data-migration"
    static let sequenceChange = "replication-sequence-change"
    static let partitionChange = "replication-partition-change"
    static let trigger = "replication-trigger"
    static let generatedColumn = "replication-generated-column"
}
