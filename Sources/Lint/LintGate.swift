/// Which findings keep a file back: those at or above the failing severity
/// (`fail_on`, `--fail-on`). `lint` exits 1 on them, `run` refuses the file
/// (unless `--force`), and `lint --rehearse` does not rehearse it.
public struct LintGate: Sendable {
    public let failOn: Severity

    public init(failOn: Severity) {
        self.failOn = failOn
    }

    public func blocks(_ severity: Severity) -> Bool { severity >= failOn }

    public func blocks(_ finding: Finding) -> Bool { blocks(finding.severity) }

    public func blocking(_ findings: [Finding]) -> [Finding] { findings.filter(blocks) }
}
