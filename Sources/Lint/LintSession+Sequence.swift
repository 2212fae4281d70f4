import SQLSource
import Schema

extension LintSession {
    /// Lints files in revision order, carrying the schema from one to the next.
    func lintInSequence(_ paths: [String], _ linter: Linter, errors: inout [String], notes: inout [String]) -> [FileResult] {
        // Reading and parsing need no schema, so they run in parallel; the
        // files are then linted one after another in revision order.
        let read = paths.parallelMap(jobs: jobs) { path in
            Result { () throws(SourceError) in SQLDocument(try SourceFile.read(path: path)) }
        }
        var unreadable: [FileResult] = []
        var documents: [(path: String, document: SQLDocument)] = []
        for (path, outcome) in zip(paths, read) {
            switch outcome {
            case .success(let document): documents.append((path, document))
            case .failure(let error):
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
