import SQLSource

/// What a rule reports: a byte range and words; the engine adds the rest.
public struct Violation: Sendable {
    public var range: Range<Int>
    public var message: String
    /// The safe alternative for this case; the rule's own when nil.
    public var help: String?
    /// A severity other than the rule's default for this case (a rule's page says which).
    public var severity: Severity?
    /// Bytes whose deletion fixes the problem (`replint fix`).
    public var fix: Range<Int>?
    /// The locks and rewrites a lock finding claims, for the rehearsal to check.
    public var predictions: [LockPrediction]

    public init(range: Range<Int>, message: String, help: String? = nil, severity: Severity? = nil, fix: Range<Int>? = nil,
                predictions: [LockPrediction] = []) {
        self.predictions = predictions
        self.range = range
        self.message = message
        self.help = help
        self.severity = severity
        self.fix = fix
    }
}

/// One reported problem, with everything a reporter needs.
public struct Finding: Sendable {
    public let ruleID: RuleID
    public let category: RuleCategory
    public let severity: Severity
    public let path: String
    public let range: Range<Int>
    public let start: SourceLocation
    public let end: SourceLocation
    /// The text of the statement the finding is about (empty for file-level findings).
    public let statement: String
    public let message: String
    public let help: String
    public let fix: Range<Int>?
    /// The locks and rewrites the finding claims the statement takes.
    public let predictions: [LockPrediction]
    /// Set by `lint --rehearse` on a finding with predictions in a rehearsed file.
    public var rehearsal: LockConfirmation?

    public init(ruleID: RuleID, category: RuleCategory, severity: Severity, path: String, range: Range<Int>,
                start: SourceLocation, end: SourceLocation, statement: String, message: String, help: String,
                fix: Range<Int>? = nil, predictions: [LockPrediction] = []) {
        self.fix = fix
        self.predictions = predictions
        self.ruleID = ruleID
        self.category = category
        self.severity = severity
        self.path = path
        self.range = range
        self.start = start
        self.end = end
        // Every output format reads these, so passwords are masked once, here.
        self.statement = ConnectionSecrets.masked(statement)
        self.message = ConnectionSecrets.masked(message)
        self.help = ConnectionSecrets.masked(help)
    }
}

/// A finding a `replint-ignore` comment silenced: it fails nothing, and the
/// formats that audit (json, sarif) list it with the comment's reason.
public struct SuppressedFinding: Sendable {
    public let finding: Finding
    /// The comment's free text after the ids; nil when it gives none.
    public let reason: String?
    /// True for `replint-ignore-file`.
    public let fileWide: Bool
    /// Where the suppression comment starts.
    public let commentLocation: SourceLocation

    public init(finding: Finding, reason: String?, fileWide: Bool, commentLocation: SourceLocation) {
        self.finding = finding
        self.reason = reason
        self.fileWide = fileWide
        self.commentLocation = commentLocation
    }
}

/// The outcome of linting one file.
public struct FileResult: Sendable {
    public let path: String
    public let document: SQLDocument?
    public var findings: [Finding]
    public let suppressed: [SuppressedFinding]
    /// Set when the file could not be read: the run exits 2.
    public let readError: String?

    public init(path: String, document: SQLDocument?, findings: [Finding], suppressed: [SuppressedFinding] = [],
                readError: String? = nil) {
        self.path = path
        self.document = document
        self.findings = findings
        self.suppressed = suppressed
        self.readError = readError
    }
}
