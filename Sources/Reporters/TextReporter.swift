import Lint
import SQLSource

/// For people: each finding with its source line and a caret under the spot,
/// written file by file as the run goes; the counts come last.
public struct TextReporter: Reporter {
    public static let name = "text"
    let colored: Bool

    public init(colored: Bool) { self.colored = colored }

    public func file(_ result: FileResult) -> String {
        var out = ""
        if let error = result.readError { out += paint("error", .red) + ": \(error)\n\n" }
        for finding in result.findings { out += render(finding, in: result.document) }
        return out
    }

    public func finish(_ summary: LintSummary) -> String {
        var out = ""
        for error in summary.errors { out += paint("error", .red) + ": \(error)\n" }
        for note in summary.notes { out += "note: \(note)\n" }
        let files = summary.files
        let suppressed = summary.suppressed
        out += "\(summary.count(.error)) error(s), \(summary.count(.warning)) warning(s) in \(files) file\(files == 1 ? "" : "s")"
            + (suppressed > 0 ? ", \(suppressed) suppressed\n" : "\n")
        return out
    }

    func render(_ f: Finding, in document: SQLDocument?) -> String {
        let color: Color = f.severity == .error ? .red : f.severity == .warning ? .yellow : .blue
        var out = paint("\(f.path):\(f.start.line):\(f.start.column)", .bold) + ": "
            + paint("\(f.severity.rawValue)[\(f.ruleID)]", color) + " \(f.message)\n"
        if let file = document?.file {
            let number = String(f.start.line)
            let gutter = String(repeating: " ", count: number.count)
            let excerpt = file.excerpt(line: f.start.line, column: f.start.column,
                                       endColumn: f.end.line == f.start.line ? f.end.column : nil)
            out += "\(gutter) |\n\(number) | \(excerpt.text)\n"
            out += "\(gutter) | " + String(repeating: " ", count: excerpt.column - 1) + paint(String(repeating: "^", count: excerpt.width), color) + "\n"
        }
        let gutter = String(repeating: " ", count: String(f.start.line).count)
        if let rehearsal = f.rehearsal { out += gutter + " = \(rehearsal.summary)\n" }
        return out + gutter + " = help: \(f.help)\n\n"
    }

    enum Color: String {
        case red = "31", yellow = "33", blue = "34", bold = "1"
    }

    func paint(_ text: String, _ color: Color) -> String {
        colored ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
