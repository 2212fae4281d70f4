import SQLSource

extension LintSession {
    /// `replint lint -`: lints text that has no file (an editor's buffer),
    /// reported under `path` (`--stdin-filepath`, else `-`).
    public func run(text bytes: [UInt8], path: String) -> LintReport {
        let (linter, baselineResults, errors, notes) = withBaselines()
        do {
            let document = SQLDocument(try SourceFile(path: path, bytes: bytes))
            let linted = linter.lintLeavingSchema(document)
            let result = FileResult(path: path, document: document, findings: linted.findings, suppressed: linted.suppressed)
            return LintReport(results: baselineResults + [result], errors: errors, notes: notes)
        } catch {
            return LintReport(results: baselineResults + [FileResult(path: path, document: nil, findings: [], readError: error.description)],
                              errors: errors, notes: notes)
        }
    }
}
