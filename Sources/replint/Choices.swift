import ArgumentParser
import Lint
import Rehearsals
import Reporters
import Runner

// Every option with a fixed set of values is a type the parser checks, so a
// bad value is exit 2 with the parser's message and `--help` lists the values.

/// `lint --format`: every format a reporter renders.
enum LintFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, sarif, github, gitlab, junit, markdown

    func reporter(_ setting: ReportSetting) -> any Reporter {
        switch self {
        case .text: TextReporter(colored: setting.colored)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(setting)
        case .github: GitHubReporter(setting)
        case .gitlab: GitLabReporter(setting)
        case .junit: JUnitReporter(setting)
        case .markdown: MarkdownReporter(setting)
        }
    }

    /// The subset `lint --rehearse` can nest a rehearsal in; nil for the rest.
    var rehearsalFormat: ReportFormat? { ReportFormat(rawValue: rawValue) }
}

/// `--format` of the commands that print text or JSON only (plan, schema, rehearse, rules).
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never
}

/// `--fail-on`: info never fails a run, so it is not offered.
enum FailOnChoice: String, CaseIterable, ExpressibleByArgument {
    case error, warning

    var severity: Severity {
        switch self {
        case .error: .error
        case .warning: .warning
        }
    }
}

extension ReplicationRehearsal.TrafficScope: ExpressibleByArgument {}

extension RunLog.Format: ExpressibleByArgument {}

/// `run --log-level`: any case, and `warn` for `warning` (as INVENTORY_LOG_LEVEL takes them).
enum LogLevelChoice: String, CaseIterable, ExpressibleByArgument {
    case debug, info, warning, error

    init?(argument: String) {
        let name = argument.lowercased()
        self.init(rawValue: name == "warn" ? "warning" : name)
    }
}

/// `--catch-up-timeout`: `15s`, `500ms`, `1m`, or a bare number of seconds.
struct CatchUpTimeout: ExpressibleByArgument, Equatable {
    let duration: Duration
    let text: String

    init?(argument: String) {
        let digits = argument.prefix { $0.isNumber || $0 == "." }
        guard !digits.isEmpty, let value = Double(digits), value >= 0 else { return nil }
        switch argument.dropFirst(digits.count) {
        case "ms": duration = .milliseconds(Int(value))
        case "", "s": duration = .milliseconds(Int(value * 1000))
        case "m", "min": duration = .seconds(Int(value * 60))
        default: return nil
        }
        text = argument
    }

    var defaultValueDescription: String { text }
}
