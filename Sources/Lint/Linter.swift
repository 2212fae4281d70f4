import SQLSource
import Schema

/// The engine: runs every enabled rule on every statement and on the file,
/// applies the configured severities, and turns violations into findings.
public struct Linter: Sendable {
    public let rules: [any Rule]
    public let configuration: Configuration
    /// The schema every file starts from; nil starts each file from an empty model.
    public var baselines: Baselines?
    /// Report statements that contradict the model (`--schema-strict`).
    public var schemaStrict = false

    /// How rule ids in `replint-ignore` comments become rules (the registry's
    /// lookup, aliases included, when the caller passes it).
    public var resolver: RuleResolver

    /// `rules` is every known rule; those the configuration turns off are dropped here.
    public init(rules: [any Rule], configuration: Configuration = Configuration(), resolver: RuleResolver? = nil) {
        self.rules = rules.filter { Linter.isEnabled($0, in: configuration) }
        self.offRules = rules.filter { !Linter.isEnabled($0, in: configuration) && !$0.readsOrderedChanges }
        self.configuration = configuration
        self.resolver = resolver ?? RuleResolver(rules: rules)
    }

    /// The one answer to "does this rule run": its `rules:` setting (which
    /// `--select`/`--ignore` have already applied), else its default.
    public static func isEnabled(_ rule: any Rule, in configuration: Configuration) -> Bool {
        switch configuration.ruleSettings[rule.id] {
        case .off: false
        case nil: rule.description.isEnabledByDefault
        case .info, .warning, .error: true
        }
    }


    /// Rules turned off still declare their ordered changes: the rule that
    /// reads them speaks for a rule that is off.
    private let offRules: [any Rule]

    public func lint(_ document: SQLDocument) -> [Finding] {
        lintLeavingSchema(document).findings
    }

    /// The findings, those suppressions silenced, and the publisher's schema
    /// as the file leaves it (for `--sequence`, where it is the next file's baseline).
    func lintLeavingSchema(_ document: SQLDocument) -> (findings: [Finding], suppressed: [SuppressedFinding], schema: Catalog) {
        var findings: [Finding] = []
        let readers = rules.filter(\.readsOrderedChanges)
        let examiners = rules.filter { !$0.readsOrderedChanges }
        let walked = walk(document, file: { context in
            for rule in rules {
                for violation in rule.checkFile(context) {
                    findings.append(finding(violation, rule: rule, document: document, statement: nil))
                }
            }
        }, statement: { statement, context in
            // One pass per rule gives its findings and its ordered changes;
            // the rules that read those changes come after.
            var claimed: [OrderedChange] = []
            for rule in examiners {
                let (violations, changes) = rule.examine(statement, in: context)
                for violation in violations {
                    findings.append(finding(violation, rule: rule, document: document, statement: statement))
                }
                if !changes.isEmpty { claimed += changes }
            }
            guard !readers.isEmpty else { return }
            for rule in offRules { claimed += rule.orderedChanges(statement, in: context) }
            var context = context
            context.orderedChanges = claimed
            for rule in readers {
                for violation in rule.check(statement, in: context) {
                    findings.append(finding(violation, rule: rule, document: document, statement: statement))
                }
            }
        })
        if schemaStrict, let reporter = rules.first(where: { $0.engineRole == .schemaContradiction }) {
            findings += walked.contradictions.map { warning in
                finding(Violation(range: warning.range ?? 0..<0, message: warning.message), rule: reporter, document: document, statement: nil)
            }
        }
        let (kept, suppressed) = applySuppressions(findings, document)
        findings = kept.sorted { ($0.range.lowerBound, $0.ruleID) < ($1.range.lowerBound, $1.ruleID) }
        return (findings, suppressed, walked.schema)
    }

    /// Walks a file with the schema as it is just before each statement: a
    /// copy of the baseline (empty without one), updated after `statement`
    /// has seen each statement. Returns the statements the model contradicts
    /// and the publisher's schema as the file leaves it.
    @discardableResult
    public func walk(_ document: SQLDocument, file: (LintContext) -> Void = { _ in },
                     statement visit: (Statement, LintContext) -> Void) -> (contradictions: [CatalogWarning], schema: Catalog) {
        var context = LintContext(document: document, configuration: configuration)
        var publisher = CatalogBuilder(catalog: baselines?.publisher.catalog ?? Catalog(),
                                       searchPath: configuration.searchPath, path: document.file.path)
        var subscriber = baselines.flatMap { $0.isShared ? nil : CatalogBuilder(catalog: $0.subscriber.catalog, searchPath: configuration.searchPath) }
        context.hasBaseline = baselines != nil
        context.baselineCatalog = publisher.catalog
        context.publisherCatalog = publisher.catalog
        context.subscriberCatalog = subscriber?.catalog ?? publisher.catalog
        file(context)
        for statement in document.statements {
            context.publisherCatalog = publisher.catalog
            context.subscriberCatalog = subscriber?.catalog ?? publisher.catalog
            context.searchPath = publisher.searchPath
            context.facts.begin(statement)
            visit(statement, context)
            context.facts.end()
            // Let go of the context's references first, so the builders update in place instead of copying.
            context.publisherCatalog = Linter.emptyCatalog
            context.subscriberCatalog = Linter.emptyCatalog
            if let node = statement.node {
                context.createdRelations.record(node, catalog: publisher.catalog, searchPath: publisher.searchPath)
            }
            publisher.apply(statement)
            subscriber?.apply(statement)
        }
        var leaves = publisher.catalog
        leaves.endSession()
        return (publisher.warnings, leaves)
    }

    /// Reads and lints one file; an unreadable file is a result with `readError`.
    public func lint(path: String) -> FileResult {
        do {
            let document = SQLDocument(try SourceFile.read(path: path))
            let linted = lintLeavingSchema(document)
            return FileResult(path: path, document: document, findings: linted.findings, suppressed: linted.suppressed)
        } catch {
            return FileResult(path: path, document: nil, findings: [], readError: error.description)
        }
    }

    private static let emptyCatalog = Catalog()

    /// `--schema-strict`: a statement the model contradicts (dropping a table it does not know).

    func severity(of rule: any Rule, _ violation: Violation) -> Severity {
        switch configuration.ruleSettings[rule.id] {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .off, nil: violation.severity ?? rule.description.defaultSeverity
        }
    }

    func finding(_ v: Violation, rule: any Rule, document: SQLDocument, statement: Statement?) -> Finding {
        let file = document.file
        let owner = statement ?? document.statement(containing: v.range.lowerBound)
        let d = rule.description
        return Finding(
            ruleID: d.id, category: d.category, severity: severity(of: rule, v), path: file.path, range: v.range,
            start: file.location(of: v.range.lowerBound), end: file.location(of: v.range.upperBound),
            statement: owner?.text ?? "", message: v.message, help: v.help ?? d.safeAlternative, fix: v.fix,
            predictions: v.predictions)
    }
}
