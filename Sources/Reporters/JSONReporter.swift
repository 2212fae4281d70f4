import Lint
import SQLSource

/// For tools. The schema is stable (see README "JSON output"): lines and
/// columns are 1-based, columns count Unicode scalars, byte offsets are 0-based
/// and half-open.
public struct JSONReporter: Reporter {
    public static let name = "json"
    /// The files so far, without their documents: every file's entry comes before the first finding.
    var kept: [FileResult] = []

    public init() {}

    public mutating func file(_ result: FileResult) -> String {
        kept.append(result.withoutDocument)
        return ""
    }

    public func finish(_ summary: LintSummary) -> String {
        value(kept, summary).rendered(indent: "") + "\n"
    }

    /// The report as a JSON value, for documents that nest it (`lint --rehearse`).
    public func value(_ report: LintReport) -> JSON { value(report.results, report.summary) }

    func value(_ results: [FileResult], _ report: LintSummary) -> JSON {
        var files: [JSON] = results.map { result in
            .object([("path", .string(result.path)), ("error", result.readError.map(JSON.string) ?? .null)])
        }
        files += report.errors.map { .object([("path", .null), ("error", .string($0))]) }
        let findings = results.flatMap(\.findings).map { JSON.object(JSONReporter.fields($0)) }
        let suppressed = results.flatMap(\.suppressed).map { s in
            JSON.object(JSONReporter.fields(s.finding) + [
                ("reason", s.reason.map(JSON.string) ?? .null), ("file_wide", .bool(s.fileWide)),
                ("suppression_line", .int(s.commentLocation.line)),
            ])
        }
        let summary: JSON = .object([
            ("files", .int(report.files)), ("errors", .int(report.count(.error))),
            ("warnings", .int(report.count(.warning))), ("infos", .int(report.count(.info))),
            ("suppressed", .int(report.suppressed)),
        ])
        return .object([("version", .int(1)), ("files", .array(files)), ("findings", .array(findings)),
                        ("suppressed", .array(suppressed)), ("notes", .array(report.notes.map(JSON.string))), ("summary", summary)])
    }

    static func fields(_ f: Finding) -> [(String, JSON)] {
        let fields: [(String, JSON)] = [
            ("rule", .string(f.ruleID.rawValue)), ("category", .string(f.category.rawValue)),
            ("severity", .string(f.severity.rawValue)), ("path", .string(f.path)),
            ("line", .int(f.start.line)), ("column", .int(f.start.column)),
            ("end_line", .int(f.end.line)), ("end_column", .int(f.end.column)),
            ("byte_start", .int(f.range.lowerBound)), ("byte_end", .int(f.range.upperBound)),
            ("statement", .string(f.statement)), ("message", .string(f.message)), ("help", .string(f.help)),
        ]
        return fields + (f.rehearsal.map { [("rehearsal", value($0))] } ?? [])
    }

    /// `lint --rehearse`'s verdict on a lock finding: `{"confirmed": true, "evidence": "SHARE on public.hosts"}`.
    static func value(_ confirmation: LockConfirmation) -> JSON {
        .object([("confirmed", .bool(confirmation.confirmed)), ("evidence", .string(confirmation.evidence))])
    }
}
