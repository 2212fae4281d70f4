import Lint

/// One output format, written as the run goes: `file` for each file's
/// result in the run's order, then `finish`. Formats know findings and rule
/// metadata, never rules.
public protocol Reporter {
    /// The `--format` value.
    static var name: String { get }
    /// The output for one file, to be written now. A format that cannot
    /// write before the run is over (totals or other sections come first)
    /// keeps what it needs of the result, never its document, and returns "".
    mutating func file(_ result: FileResult) -> String
    /// The rest of the report, once every file has been through `file`.
    mutating func finish(_ summary: LintSummary) -> String
}

extension Reporter {
    /// The whole report at once.
    public func render(_ report: LintReport) -> String {
        var reporter = self
        var out = ""
        for result in report.results { out += reporter.file(result) }
        return out + reporter.finish(report.summary)
    }
}

extension FileResult {
    /// The result without its document (source text and parse tree): what a
    /// format that writes at the end keeps of each file.
    var withoutDocument: FileResult {
        FileResult(path: path, document: nil, findings: findings, suppressed: suppressed, readError: readError)
    }
}

/// What a format may need beyond the report: rule metadata (SARIF lists
/// every rule, JUnit the ones that ran), where paths are relative to, and
/// where a finding's line can be linked.
public struct ReportSetting: Sendable {
    /// Every rule replint knows, in registry order.
    public var rules: [RuleDescription]
    /// The rules that ran in this lint.
    public var enabled: Set<RuleID>
    /// The repository root, absolute: the configuration file's folder, else the working directory.
    public var root: String
    public var colored = false
    /// A URL prefix that a root-relative path and `#Lnn` complete into a link
    /// to the file (Markdown); nil links to the path as it is.
    public var fileLinkBase: String?
    /// A URL prefix that `ID.md` completes into a rule's page (SARIF `helpUri`, Markdown).
    public var rulePageBase: String?
    /// replint's version, for SARIF's `tool.driver`.
    public var toolVersion: String?

    public init(rules: [RuleDescription], enabled: Set<RuleID>? = nil, root: String = absolutePath(".")) {
        self.rules = rules
        self.enabled = enabled ?? Set(rules.map(\.id))
        self.root = root
    }

    /// `path` (as the report names it) relative to the root, with `/` and without `./`.
    public func rootRelative(_ path: String) -> String { RootPath.relative(absolutePath(path), to: root) }
}

public enum Reporters {
    public static let names = [TextReporter.name, JSONReporter.name, SARIFReporter.name, GitHubReporter.name,
                               GitLabReporter.name, JUnitReporter.name, MarkdownReporter.name]

    public static func reporter(named name: String, _ setting: ReportSetting) -> (any Reporter)? {
        switch name {
        case TextReporter.name: TextReporter(colored: setting.colored)
        case JSONReporter.name: JSONReporter()
        case SARIFReporter.name: SARIFReporter(setting)
        case GitHubReporter.name: GitHubReporter(setting)
        case GitLabReporter.name: GitLabReporter(setting)
        case JUnitReporter.name: JUnitReporter(setting)
        case MarkdownReporter.name: MarkdownReporter(setting)
        default: nil
        }
    }
}

enum RootPath {
    /// `path` relative to `root` (both absolute and normalised), with `..`
    /// where it lies outside.
    static func relative(_ path: String, to root: String) -> String {
        let parts = path.split(separator: "/")
        let base = root.split(separator: "/")
        var common = 0
        while common < parts.count && common < base.count && parts[common] == base[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        return (up + parts[common...].map(String.init)).joined(separator: "/")
    }
}
