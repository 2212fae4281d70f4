import Lint

/// GitHub Actions workflow commands, one line per finding, which the runner
/// turns into annotations on the pull request's diff:
/// `::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE`.
public struct GitHubReporter: Reporter {
    public static let name = "github"
    let setting: ReportSetting

    public init(_ setting: ReportSetting) { self.setting = setting }

    public func file(_ file: FileResult) -> String {
        if let error = file.readError {
            return "::error file=\(GitHubReporter.property(setting.rootRelative(file.path)))::\(GitHubReporter.data(error))\n"
        }
        let path = setting.rootRelative(file.path)
        return file.findings.map { command($0, path: path) }.joined()
    }

    public func finish(_ summary: LintSummary) -> String {
        summary.errors.map { "::error::\(GitHubReporter.data($0))\n" }.joined()
    }

    func command(_ f: Finding, path: String) -> String {
        let level = switch f.severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
        let properties = [
            ("file", path), ("line", "\(f.start.line)"), ("col", "\(f.start.column)"),
            ("endLine", "\(f.end.line)"), ("endColumn", "\(f.end.column)"), ("title", f.ruleID.rawValue),
        ].map { "\($0.0)=\(GitHubReporter.property($0.1))" }.joined(separator: ",")
        return "::\(level) \(properties)::\(GitHubReporter.data(f.message + "\nhelp: " + f.help))\n"
    }

    /// The runner's escaping of a command's message (actions/toolkit `escapeData`).
    static func data(_ text: String) -> String {
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A property value also escapes `:` and `,` (actions/toolkit `escapeProperty`).
    static func property(_ text: String) -> String {
        data(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
