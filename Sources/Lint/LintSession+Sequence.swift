import SQLSource
import Schema

extension LintSession {
    /// Lints files in revision order, carrying the schema from one to the next.
    func lintInSequence(_ paths: [String], _ linter: Linter, errors: inout [String], notes: inout [String]) -> [FileResult] {
        var unreadable: [FileResult] = []
        var documents: [(path: String, document: SQLDocument)] = []
        for path in paths {
            do { documents.append((path, SQLDocument(try SourceFile.read(path: path)))) } catch {
                unreadable.append(FileResult(path: path, document: nil, findings: [], readError: error.description))
            }
        }
        let sequence = RevisionSequence(documents, baseRevision: linter.configuration.schemaRevision)
        errors += sequence.problems.map { "--sequence: \($0)" }
        notes += sequence.skipped.map { "\($0): skipped, at or before schema_revision \(linter.configuration.schemaRevision ?? "")" }
        var publisher = linter.baselines?.publisher ?? LoadedBaseline(catalog: Catalog())
        var results: [FileResult] = []
        for step in sequence.ordered {
            var current = linter
            current.baselines = Baselines(shared: publisher, paths: linter.baselines?.publisherPaths ?? [])
            let (findings, suppressed, schema) = current.lintLeavingSchema(step.document)
            results.append(FileResult(path: step.path, document: step.document, findings: findings, suppressed: suppressed))
            publisher.catalog = schema
        }
        return unreadable + results
    }
}
