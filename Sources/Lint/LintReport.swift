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

    public func count(_ severity: Severity) -> Int { summary.count(severity) }

    public var suppressed: [SuppressedFinding] { results.flatMap(\.suppressed) }

    /// The counts of the whole report, as a streamed run returns them.
    public var summary: LintSummary {
        var summary = LintSummary(errors: errors, notes: notes)
        for result in results { summary.add(result) }
        return summary
    }

    public func exitCode(failOn: Severity) -> Int32 { summary.exitCode(failOn: failOn) }
}

/// What a run that hands each file's result on as it goes (`LintSession.stream`)
/// keeps: the counts a summary line and the exit code need, and the run's
/// errors and notes. No file's findings or document.
public struct LintSummary: Sendable {
    /// Files reported, baselines with syntax errors and unreadable files included.
    public private(set) var files = 0
    /// Files that could not be read (each has a `readError`).
    public private(set) var unreadable = 0
    public private(set) var suppressed = 0
    private var findings: [Severity: Int] = [:]
    /// Paths that could not be read at all, and what else kept the run from linting.
    public var errors: [String]
    public var notes: [String]

    public init(errors: [String] = [], notes: [String] = []) {
        self.errors = errors
        self.notes = notes
    }

    public mutating func add(_ result: FileResult) {
        files += 1
        if result.readError != nil { unreadable += 1 }
        suppressed += result.suppressed.count
        for finding in result.findings { findings[finding.severity, default: 0] += 1 }
    }

    public func count(_ severity: Severity) -> Int { findings[severity, default: 0] }

    /// DESIGN.md's exit codes: 2 when something could not be read, 1 for findings
    /// at or above `failOn`, else 0.
    public func exitCode(failOn: Severity) -> Int32 {
        if !errors.isEmpty || unreadable > 0 { return 2 }
        let gate = LintGate(failOn: failOn)
        return Severity.allCases.contains { gate.blocks($0) && count($0) > 0 } ? 1 : 0
    }
}
