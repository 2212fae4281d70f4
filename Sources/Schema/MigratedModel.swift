import SQLSource

/// The model after the baselines and then migration files in order, as
/// `replint schema PATH...` shows it: each file starts from the configured
/// search_path, as it does when linted.
public struct MigratedModel: Sendable {
    public private(set) var publisher: Catalog
    /// nil when one baseline stands for both sides.
    public private(set) var subscriber: Catalog?
    public private(set) var appliedCount = 0
    public private(set) var skippedCount = 0
    /// Contradictions, baseline's first (`--schema-strict` shows them).
    public private(set) var warnings: [CatalogWarning] = []
    let searchPath: [String]

    public init(baselines: Baselines?, searchPath: [String]) {
        self.searchPath = searchPath
        publisher = baselines?.publisher.catalog ?? Catalog()
        subscriber = baselines.flatMap { $0.isShared ? nil : $0.subscriber.catalog }
        appliedCount = baselines?.publisher.appliedCount ?? 0
        skippedCount = baselines?.publisher.skippedCount ?? 0
        warnings = baselines?.warnings ?? []
    }

    public mutating func apply(_ document: SQLDocument) {
        var builder = CatalogBuilder(catalog: publisher, searchPath: searchPath)
        builder.apply(document)
        publisher = builder.catalog
        publisher.endSession()
        appliedCount += builder.appliedCount
        skippedCount += builder.skippedCount
        warnings += builder.warnings
        if let side = subscriber {
            var other = CatalogBuilder(catalog: side, searchPath: searchPath)
            other.apply(document)
            subscriber = other.catalog
            subscriber?.endSession()
        }
    }
}
