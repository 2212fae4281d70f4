import Lint

/// A collapsible part of a Markdown report: the plan's or a rehearsal's
/// verdict (shown closed), what a reviewer must see (the plan's parts, the
/// locks that block the application, the replication problems), and the full text.
public struct MarkdownSection: Sendable {
    public let title: String
    public let verdict: String
    /// One line each, shown as a list above the full text.
    public let items: [String]
    /// Plain text, shown as a preformatted block.
    public let body: String

    public init(title: String, verdict: String, items: [String] = [], body: String) {
        self.title = title
        self.verdict = verdict
        self.items = items
        self.body = body
    }
}

/// For a pull request comment or a job summary: a summary line, the
/// findings grouped by file with links to their lines, then any plan or
/// rehearsal in collapsible sections. It stays under GitHub's 65,536-character
/// comment limit by summarising the findings it has no room for.
public struct MarkdownReporter: Reporter {
    public static let name = "markdown"
    /// GitHub's limit on a comment's body.
    public static let limit = 65_536
    let setting: ReportSetting
    let sections: [MarkdownSection]
    let budget: Int
    /// The files so far, without their documents: the summary line comes first, and the budget is the whole report's.
    var kept: [FileResult] = []

    public init(_ setting: ReportSetting, sections: [MarkdownSection] = [], budget: Int = MarkdownReporter.limit) {
        self.setting = setting
        self.sections = sections
        self.budget = budget
    }

    public mutating func file(_ result: FileResult) -> String {
        kept.append(result.withoutDocument)
        return ""
    }

    public func finish(_ summary: LintSummary) -> String {
        whole(LintReport(results: kept, errors: summary.errors, notes: summary.notes))
    }

    func whole(_ report: LintReport) -> String {
        let tailRoom = 400
        let sectionText = sections.map { section($0, room: (budget - tailRoom) / (2 * max(1, sections.count))) }.joined()
        var out = "### replint: " + summary(report) + "\n"
        var shown = 0
        let all = report.results.flatMap { file in file.findings.map { (file, $0) } }
        var lastPath: String?
        for (file, f) in all {
            let path = setting.rootRelative(file.path)
            var piece = lastPath == path ? "" : "\n**`\(path)`**\n\n"
            piece += line(f, path: path)
            guard size(out) + size(piece) + size(sectionText) + tailRoom < budget else { break }
            out += piece
            lastPath = path
            shown += 1
        }
        if shown < all.count {
            let rest = all[shown...]
            let files = Set(rest.map(\.0.path)).count
            let errors = rest.filter { $0.1.severity == .error }.count
            out += "\n…and \(rest.count) more finding\(rest.count == 1 ? "" : "s") (\(errors) at error level) in \(files) file\(files == 1 ? "" : "s") "
                + "not shown here, for GitHub's comment size limit; the job's SARIF or text output lists every one.\n"
        }
        let unreadable = report.results.compactMap(\.readError) + report.errors
        if !unreadable.isEmpty {
            out += "\n" + unreadable.map { "- could not lint: " + MarkdownReporter.inline($0) + "\n" }.joined()
        }
        return out + sectionText
    }

    func summary(_ report: LintReport) -> String {
        let files = report.results.count
        var text = "\(plural(report.count(.error), "error")), \(plural(report.count(.warning), "warning"))"
        if report.count(.info) > 0 { text += ", \(plural(report.count(.info), "info"))" }
        text += " in \(plural(files, "file"))"
        if !report.suppressed.isEmpty { text += " (\(report.suppressed.count) suppressed)" }
        return text
    }

    func line(_ f: Finding, path: String) -> String {
        let mark = switch f.severity {
        case .error: "🔴 error"
        case .warning: "🟡 warning"
        case .info: "🔵 info"
        }
        let lines = f.end.line > f.start.line ? "L\(f.start.line)-L\(f.end.line)" : "L\(f.start.line)"
        let target = (setting.fileLinkBase ?? "") + path + "#" + lines
        // A file:// page lives on the machine that ran replint, not where the comment is read.
        let pages = setting.rulePageBase.flatMap { $0.hasPrefix("file:") ? nil : $0 }
        let rule = pages.map { "[`\(f.ruleID)`](\($0)\(f.ruleID).md)" } ?? "`\(f.ruleID)`"
        return "- \(mark) \(rule) [line \(f.start.line)](\(target)): \(MarkdownReporter.inline(f.message))\n"
            + (f.rehearsal.map { "  <br>\(MarkdownReporter.inline($0.summary))\n" } ?? "")
            + "  <br>help: \(MarkdownReporter.inline(f.help))\n"
    }

    /// Items listed before the text is cut: they are what the section is for.
    static let itemsShown = 30

    func section(_ s: MarkdownSection, room: Int) -> String {
        var list = s.items.prefix(Self.itemsShown).map { "- " + MarkdownReporter.inline($0) + "\n" }.joined()
        if s.items.count > Self.itemsShown { list += "- …and \(s.items.count - Self.itemsShown) more in the text below\n" }
        if !list.isEmpty { list += "\n" }
        var body = s.body
        let bodyRoom = room - size(list)
        if size(body) > bodyRoom {
            body = String(body.prefix(max(0, bodyRoom - 100))) + "\n… (cut for GitHub's comment size limit)"
        }
        // A fence longer than any run of backticks in the body, so nothing in it closes the block early.
        let fence = String(repeating: "`", count: max(3, MarkdownReporter.longestBacktickRun(body) + 1))
        return "\n<details><summary><b>\(MarkdownReporter.inline(s.title))</b>: \(MarkdownReporter.inline(s.verdict))</summary>\n\n"
            + list + "\(fence)text\n\(body.hasSuffix("\n") ? body : body + "\n")\(fence)\n\n</details>\n"
    }

    func size(_ text: String) -> Int { text.unicodeScalars.count }

    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// One line of Markdown: no line breaks, and no HTML that the text did not mean.
    static func inline(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\n", "\r": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for ch in text {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
