import SQLSource

/// Everything one `lint` run produced, for a reporter to render.
public struct LintReport: Sendable {
    public var results: [FileResult]
    /// Paths that could not be read at all.
    public var errors: [String]
    public var notes: [String]

    public init(results: [FileResult], errors: [String] = [], notes: [String] = []) {
        self.results = results
        self.errors = errors
        self.notes = notes
    }

    public var findings: [Finding] { results.flatMap(\.findings) }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    public var suppressed: [SuppressedFinding] { results.flatMap(\.suppressed) }

    /// DESIGN.md's exit codes: 2 when something could not be read, 1 for findings
    /// at or above `failOn`, else 0.
    public func exitCode(failOn: Severity) -> Int32 {
        if !errors.isEmpty || results.contains(where: { $0.readError != nil }) { return 2 }
        return findings.contains(where: LintGate(failOn: failOn).blocks) ? 1 : 0
    }
}

