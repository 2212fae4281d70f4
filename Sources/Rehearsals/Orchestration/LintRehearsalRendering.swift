import SQLSource

/// `lint --rehearse` and `lint --rehearse-replication` for a terminal: the
/// lint output as its reporter wrote it, then the rehearsals.
public enum LintRehearsalText {
    public static func render(_ report: LintRehearsalReport, lint: String) -> String {
        var out = afterLint(lint)
        for rehearsal in report.rehearsals { out += "\n" + RehearsalText.render(rehearsal) }
        for file in report.notRehearsed { out += "\nnot rehearsed: \(file.path) (\(file.reason))\n" }
        if let setupError = report.setupError { out += "\ncould not rehearse: \(setupError)\n" }
        if let signal = report.interruptedBy, report.rehearsals.allSatisfy({ $0.interruptedBy == nil }) {
            out += "\nINTERRUPTED by \(signalName(signal)) before the rehearsals began\n"
        }
        return out
    }

    public static func render(_ report: LintReplicationRehearsalReport, lint: String) -> String {
        afterLint(lint) + ReplicationRehearsalText.render(report.rehearsals)
    }

    private static func afterLint(_ lint: String) -> String {
        lint.isEmpty || lint.hasSuffix("\n") ? lint : lint + "\n"
    }
}

/// The same as one JSON document: the lint report (as the JSON reporter
/// writes it) beside the rehearsals.
public enum LintRehearsalJSON {
    public static func render(_ report: LintRehearsalReport, lint: JSON) -> String {
        JSON.object([
            ("lint", lint),
            ("rehearsals", .array(report.rehearsals.map(RehearsalJSON.value))),
            ("not_rehearsed", .array(report.notRehearsed.map {
                .compactObject([("path", .string($0.path)), ("reason", .string($0.reason))])
            })),
            ("rehearsal_setup_error", report.setupError.map(JSON.string) ?? .null),
            ("interrupted", report.interruptedBy.map { .string(signalName($0)) } ?? .null),
        ]).rendered() + "\n"
    }

    public static func render(_ report: LintReplicationRehearsalReport, lint: JSON) -> String {
        JSON.object([
            ("lint", lint),
            ("replication_rehearsals", .array(report.rehearsals.reports.map(ReplicationRehearsalJSON.value))),
        ]).rendered() + "\n"
    }
}

extension ReplicationRehearsalText {
    public static func render(_ rehearsals: ReplicationRehearsals) -> String {
        rehearsals.reports.map(render).joined(separator: "\n")
    }
}

extension ReplicationRehearsalJSON {
    /// One document per file, one after the other.
    public static func render(_ rehearsals: ReplicationRehearsals) -> String {
        rehearsals.reports.map { render($0) }.joined(separator: "\n") + "\n"
    }
}
