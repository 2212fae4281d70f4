import Lint

/// One output format. Formats know findings and rule metadata, never rules.
public protocol Reporter {
    /// The `--format` value.
    static var name: String { get }
    func render(_ report: LintReport) -> String
}

public enum Reporters {
    public static let names = [TextReporter.name, JSONReporter.name]

    public static func reporter(named name: String, colored: Bool) -> (any Reporter)? {
        switch name {
        case TextReporter.name: TextReporter(colored: colored)
        case JSONReporter.name: JSONReporter()
        default: nil
        }
    }
}
