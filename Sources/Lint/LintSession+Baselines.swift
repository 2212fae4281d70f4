import SQLSource

extension LintSession {
    /// The linter with the configured baselines loaded, for commands that
    /// walk one file with the schema (`plan`); an unreadable schema file throws.
    public func linterWithBaselines() throws(SourceError) -> Linter {
        var linter = self.linter
        switch loadBaselines() {
        case .success(let baselines): linter.baselines = baselines
        case .failure(let error): throw error
        }
        return linter
    }
}
