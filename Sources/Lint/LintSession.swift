import SQLSource
import Schema

/// One run of `lint` or `fix` over the user's paths: collect files, read,
/// lint, and gather what could not be read.
public struct LintSession: Sendable {
    public let linter: Linter
    let collector: FileCollector
    /// Where built baselines are kept between runs; nil builds them every time.
    public var baselineCache: CatalogCache?
    /// Lint the files in alembic revision order, each against the schema the
    /// ones before it leave (`--sequence`).
    public var sequence = false
    /// Files linted at once (`--jobs`); the report's order never depends on it.
    public var jobs = 1

    /// Reports baseline statements that do not parse; found among all rules,
    /// so that turning it off does not hide a broken baseline.
    let baselineSyntaxReporter: RuleDescription?

    public init(configuration: Configuration, rules: [any Rule], schemaStrict: Bool = false, resolver: RuleResolver? = nil) {
        baselineSyntaxReporter = rules.first { $0.engineRole == .baselineSyntaxError }?.description
        var linter = Linter(rules: rules, configuration: configuration, resolver: resolver)
        linter.schemaStrict = schemaStrict
        self.linter = linter
        self.collector = FileCollector(configuration: configuration)
    }

    /// Lints the files and hands each one's result to `each`, in the order
    /// one job would (baselines that do not parse first), as soon as it and
    /// the ones before it are done; a result, its document and parse tree
    /// included, is gone once `each` returns. Only `--sequence` holds every
    /// document, since it orders them before linting.
    public func stream(paths: [String], each: (FileResult) -> Void) -> LintSummary {
        stream(paths: paths, loadingBaselines: true, each: each)
    }

    /// Every result at once, for what needs them all (`--plan`, `--rehearse`).
    public func run(paths: [String]) -> LintReport {
        run(paths: paths, loadingBaselines: true)
    }

    func run(paths: [String], loadingBaselines: Bool) -> LintReport {
        var results: [FileResult] = []
        let summary = stream(paths: paths, loadingBaselines: loadingBaselines) { results.append($0) }
        return LintReport(results: results, errors: summary.errors, notes: summary.notes)
    }

    func stream(paths: [String], loadingBaselines: Bool, each: (FileResult) -> Void) -> LintSummary {
        let prepared = loadingBaselines ? withBaselines() : (linter: self.linter, baselineResults: [], errors: [], notes: [])
        let linter = prepared.linter
        var (errors, notes) = (prepared.errors, prepared.notes)
        var summary = LintSummary()
        func emit(_ result: FileResult) {
            summary.add(result)
            each(result)
        }
        prepared.baselineResults.forEach(emit)
        // No paths means the default: `app_migrations/` beside the configuration file.
        let searched = paths.isEmpty ? linter.configuration.defaultMigrationPaths : paths
        let collected = collector.collect(searched)
        if sequence {
            lintInSequence(collected.files, linter, errors: &errors, notes: &notes).forEach(emit)
        } else {
            collected.files.forEachInOrder(jobs: jobs, { linter.lint(path: $0) }, each: emit)
        }
        summary.errors = errors + collected.errors
        summary.notes = notes + collected.notes
        // Only a run that found nothing at all fails: a named file that is
        // excluded or a baseline was found, and skipping it is the configured answer.
        if collected.files.isEmpty && collected.errors.isEmpty && collected.skipped.isEmpty {
            summary.errors.append("nothing to lint: no .sql files in \(searched.joined(separator: ", "))")
        }
        return summary
    }

    /// The linter with the configured baselines loaded, the baselines' own
    /// syntax errors, and what went wrong loading them.
    func withBaselines() -> (linter: Linter, baselineResults: [FileResult], errors: [String], notes: [String]) {
        var linter = self.linter
        switch loadBaselines() {
        case .success(let baselines?):
            linter.baselines = baselines
            let notes = linter.schemaStrict ? baselines.warnings.map { "baseline contradicts itself: \($0)" } : []
            return (linter, syntaxErrorResults(baselines), [], notes)
        case .success(nil): return (linter, [], [], [])
        case .failure(let error): return (linter, [], ["schema file \(error.description)"], [])
        }
    }

    /// The configured baselines (`schema:` or `--schema`), or nil when there are none.
    public func loadBaselines() -> Result<Baselines?, SourceError> {
        let configuration = linter.configuration
        guard configuration.schema != nil else { return .success(nil) }
        let (publisher, subscriber) = configuration.resolvedBaselines
        do {
            return .success(try Baselines.load(publisher: publisher, subscriber: subscriber, searchPath: configuration.searchPath,
                                                 cache: baselineCache))
        } catch {
            return .failure(error)
        }
    }

    /// A baseline statement that does not parse is one finding in the baseline's own file.
    func syntaxErrorResults(_ baselines: Baselines) -> [FileResult] {
        guard let reporter = baselineSyntaxReporter else { return [] }
        var byPath: [(path: String, document: SQLDocument, findings: [Finding])] = []
        for error in baselines.syntaxErrors {
            let file = error.document.file
            let finding = Finding(
                ruleID: reporter.id, category: reporter.category, severity: .error, path: error.path, range: error.range,
                start: error.location, end: file.location(of: error.range.upperBound), statement: error.statement,
                message: "the baseline schema does not parse here (\(error.message)); the model is built without this statement",
                help: "Regenerate the baseline with `pg_dump --schema-only`, or fix the statement.")
            if let i = byPath.firstIndex(where: { $0.path == error.path }) {
                byPath[i].findings.append(finding)
            } else {
                byPath.append((error.path, error.document, [finding]))
            }
        }
        return byPath.map { FileResult(path: $0.path, document: $0.document, findings: $0.findings) }
    }
}
