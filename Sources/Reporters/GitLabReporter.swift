import Lint
import SQLSource

/// GitLab Code Quality JSON (`artifacts: reports: codequality`): one issue
/// per finding with a fingerprint that survives lines inserted above it.
/// Severity: an error that makes the file fail to run (category `alembic`)
/// is `blocker`, one that breaks replication `critical`, other errors
/// `major`; warnings `minor`; infos `info`.
public struct GitLabReporter: Reporter {
    public static let name = "gitlab"
    let setting: ReportSetting
    /// One per finding so far; the document is one array.
    var issues: [JSON] = []

    public init(_ setting: ReportSetting) { self.setting = setting }

    public mutating func file(_ file: FileResult) -> String {
        if file.readError == nil {
            let path = setting.rootRelative(file.path)
            for (f, print) in zip(file.findings, file.fingerprints(path: path).findings) {
                issues.append(.object([
                    ("type", .string("issue")),
                    ("description", .string(f.message)),
                    ("content", .object([("body", .string(f.help))])),
                    ("check_name", .string(f.ruleID.rawValue)),
                    ("categories", .strings([GitLabReporter.category(f.category)])),
                    ("fingerprint", .string(print)),
                    ("severity", .string(GitLabReporter.severity(f))),
                    ("location", .object([
                        ("path", .string(path)),
                        ("lines", .object([("begin", .int(f.start.line)), ("end", .int(f.end.line))])),
                    ])),
                ]))
            }
        }
        return ""
    }

    public func finish(_ summary: LintSummary) -> String {
        JSON.array(issues).rendered() + "\n"
    }

    static func severity(_ f: Finding) -> String {
        switch f.severity {
        case .info: "info"
        case .warning: "minor"
        case .error:
            switch f.category {
            case .alembic: "blocker"
            case .replication: "critical"
            case .locking, .compatibility, .conventions: "major"
            }
        }
    }

    /// Code Climate's categories, which GitLab shows.
    static func category(_ category: RuleCategory) -> String {
        switch category {
        case .alembic, .replication, .locking: "Bug Risk"
        case .compatibility: "Compatibility"
        case .conventions: "Style"
        }
    }
}
