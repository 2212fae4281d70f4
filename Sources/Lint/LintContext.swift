import SQLSource
import Schema

/// What a rule may read about the file being linted.
public struct LintContext: Sendable {
    public let document: SQLDocument
    public let configuration: Configuration

    /// The publisher's schema as it is just before the statement being
    /// checked: the baseline (empty without one) plus the file's statements so far.
    public var publisherCatalog = Catalog()
    /// The subscriber's, likewise; the publisher's when one baseline stands for both.
    public var subscriberCatalog = Catalog()
    /// False when no baseline is configured: the catalogues hold only what
    /// this file created, and rules fall back to what the file shows.
    public var hasBaseline = false
    /// The search_path in effect at the statement (the configured one, then
    /// as the file's `SET search_path` changes it).
    public var searchPath: [String]
    /// The publisher's schema before the file's first statement: what a
    /// table not in it but in `publisherCatalog` was created by this file.
    public var baselineCatalog = Catalog()
    /// The order the file declares, read once per file.
    public let declaration: ApplyOrderDeclaration
    /// What runs in the file's transaction and what in autocommit blocks,
    /// read once per file: the same model the runner and the rehearsals apply.
    public let transactionShape: TransactionShape
    /// The statements that build indexes on or alter each table, read once per file.
    public let relationStatements: RelationStatements
    /// The file's ALTER TYPE ... ADD VALUE statements, read once per file.
    public let enumValueAdditions: EnumValueAdditions
    /// The ordered changes every other rule declared for the statement being
    /// checked, turned-off rules included; the engine fills it in for the
    /// rules that read it. Nil when the caller did not collect them.
    public var orderedChanges: [OrderedChange]?
    /// What rules worked out about the statement, for the next rule that asks.
    public let facts = StatementFacts()

    public init(document: SQLDocument, configuration: Configuration) {
        self.document = document
        self.configuration = configuration
        self.searchPath = configuration.searchPath
        self.declaration = ApplyOrderDeclaration(document: document, configuration: configuration)
        self.transactionShape = TransactionShape(document)
        self.relationStatements = RelationStatements(document)
        self.enumValueAdditions = EnumValueAdditions(document)
    }

    /// The tables the file created before the current statement.
    public var createdRelations = CreatedRelations()

    /// True when `relation` names a table that has rows and readers the
    /// statement's locks can stall: not one the file created; with a
    /// baseline, one the model knows (from the baseline, or renamed by an
    /// earlier statement); without one, any table the file did not create.
    public func existedBeforeFile(_ relation: RangeVar) -> Bool {
        for name in CreatedRelations.candidates(relation, searchPath) {
            if createdRelations.contains(name) { return false }
            if publisherCatalog.table(name) != nil || publisherCatalog.otherRelations[name] != nil { return true }
        }
        return !hasBaseline
    }

    /// True when the file created `name` before the current statement
    /// (nothing replicates such a table yet).
    public func createdInThisFile(_ name: QualifiedName) -> Bool {
        publisherCatalog.table(name) != nil && baselineCatalog.table(name) == nil
    }

    public var file: SourceFile { document.file }

    /// The major version the migrations target (`postgres_version`, default 15).
    public var postgresVersion: Int { configuration.postgresVersion }

    /// The table a name in the statement means, on the publisher.
    public func table(_ relation: RangeVar) -> Table? {
        publisherCatalog.table(named: relation.name, schema: relation.schema, searchPath: searchPath)
    }

    /// Whether changes to `table` reach subscribers: per the publications,
    /// else `replication.tables`, else every table.
    public func isReplicated(_ table: QualifiedName) -> Bool {
        publisherCatalog.isReplicated(table, configuredTables: configuration.replicatedTables)
    }

    public var replicationSource: ReplicationSource {
        publisherCatalog.replicationSource(configuredTables: configuration.replicatedTables)
    }
}
