import SQLSource

extension LintSession {
    /// One file `fix` changes (or, with `write: false`, would change).
    public struct FixedFile: Sendable {
        /// As named on the command line or found in a folder; a link stays a link.
        public let path: String
        public let original: [UInt8]
        public let fixed: Fixer.Result

        /// `path: fixed 3 finding(s)`, or `would fix` when nothing was written.
        public func summary(written: Bool) -> String {
            var text = "\(path): \(written ? "fixed" : "would fix") \(fixed.fixedFindings) finding(s)"
            let pairs = fixed.removedEmptyTransactions
            if pairs > 0 { text += " and remove \(pairs) emptied BEGIN/COMMIT pair\(pairs == 1 ? "" : "s")" }
            return text
        }

        /// The change as a unified diff that `patch -p0` and `git apply -p0` apply.
        public var diff: String {
            UnifiedDiff.render(old: original, new: fixed.bytes, oldName: path, newName: path)
        }
    }

    public struct FixOutcome: Sendable {
        public var files: [FixedFile] = []
        /// Files written (empty when `write` was false).
        public var written: [String] = []
        public var errors: [String] = []
    }

    /// Applies every finding's fix; with `write`, rewrites the files that change
    /// (see `FileRewriter` for how), else only reports them.
    public func fix(paths: [String], write: Bool = true) -> FixOutcome {
        var outcome = FixOutcome()
        let report = run(paths: paths, loadingBaselines: false)
        outcome.errors = report.errors + report.results.compactMap(\.readError)
        for result in report.results {
            guard let document = result.document else { continue }
            let fixable = result.findings.filter { $0.fix != nil }
            guard !fixable.isEmpty else { continue }
            let fixed = Fixer.fix(document, findings: fixable)
            guard fixed.bytes != document.file.bytes else { continue }
            outcome.files.append(FixedFile(path: result.path, original: document.file.bytes, fixed: fixed))
            guard write else { continue }
            do {
                try FileRewriter.replace(result.path, expecting: document.file.bytes, with: fixed.bytes)
                outcome.written.append(result.path)
            } catch {
                outcome.errors.append(error.description)
            }
        }
        return outcome
    }
}
