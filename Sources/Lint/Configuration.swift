/// `.replint.yml`, typed. Every key DESIGN.md lists; defaults are a run
/// without a configuration file.
public struct Configuration: Sendable {
    public enum Baseline: Sendable, Equatable {
        /// One or more files, read in order; both sides alike.
        case shared([String])
        case sides(publisher: String, subscriber: String)
    }

    public enum RuleSetting: String, Sendable {
        case off, info, warning, error
    }

    /// Where the file was read from (nil: no configuration file).
    public var sourcePath: String?
    /// Folder that relative paths in the file are relative to.
    public var baseDirectory: String = "."
    public var schema: Baseline?
    public var schemaRevision: String?
    public var searchPath: [String] = ["public"]
    public var postgresVersion: Int = 15
    public var replicatedTables: [String]?
    public var applyOrder: ApplyOrder = .subscriberFirst
    /// Glob -> declared apply order, for files whose name matches.
    public var fileApplyOrders: [(glob: String, order: ApplyOrder)] = []
    public var ruleSettings: [RuleID: RuleSetting] = [:]
    public var exclude: [String] = []
    public var failOn: Severity = .error
    /// `rule_pages`: a URL prefix that `ID.md` completes into a rule's page
    /// (SARIF `helpUri`, Markdown links); nil: the pages of the replint that runs.
    public var rulePages: String?

    public init() {}

    /// Baseline files, publisher's first; they are never linted as migrations.
    public var baselineFiles: [String] {
        switch schema {
        case .shared(let files): files
        case .sides(let publisher, let subscriber): [publisher, subscriber]
        case nil: []
        }
    }
}
