import Lint

/// JUnit XML for CI systems that read nothing else: one `testsuite` per
/// file, one `testcase` per rule that ran, one `failure` per finding (a
/// file that could not be read is one `error`). Infos are not failures.
public struct JUnitReporter: Reporter {
    public static let name = "junit"
    let setting: ReportSetting
    let ran: [RuleDescription]
    /// Every file's `testsuite` so far: the totals go first, on `testsuites`.
    var suites = ""
    var totals = (tests: 0, failures: 0, errors: 0)

    public init(_ setting: ReportSetting) {
        self.setting = setting
        ran = setting.rules.filter { setting.enabled.contains($0.id) }
    }

    public mutating func file(_ file: FileResult) -> String {
        let path = setting.rootRelative(file.path)
        var cases = ""
        var failures = 0
        if let error = file.readError {
            cases += "    <testcase name=\"read\" classname=\"\(JUnitReporter.escaped(path))\">\n"
            cases += "      <error message=\"\(JUnitReporter.escaped(error))\"/>\n    </testcase>\n"
        } else {
            for rule in ran {
                let found = file.findings.filter { $0.ruleID == rule.id && $0.severity > .info }
                failures += found.count
                cases += "    <testcase name=\"\(JUnitReporter.escaped(rule.id.rawValue))\" classname=\"\(JUnitReporter.escaped(path))\""
                guard !found.isEmpty else { cases += "/>\n"; continue }
                cases += ">\n"
                for f in found { cases += failure(f, path: path) }
                cases += "    </testcase>\n"
            }
        }
        let tests = file.readError == nil ? ran.count : 1
        let errors = file.readError == nil ? 0 : 1
        totals = (totals.tests + tests, totals.failures + failures, totals.errors + errors)
        suites += "  <testsuite name=\"\(JUnitReporter.escaped(path))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        suites += cases + "  </testsuite>\n"
        return ""
    }

    public func finish(_ summary: LintSummary) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"replint\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\">\n"
            + suites + "</testsuites>\n"
    }

    func failure(_ f: Finding, path: String) -> String {
        let location = "\(path):\(f.start.line):\(f.start.column)"
        let body = "\(location): \(f.severity.rawValue)[\(f.ruleID)] \(f.message)\nhelp: \(f.help)"
        return "      <failure type=\"\(f.severity.rawValue)\" message=\"\(JUnitReporter.escaped("\(location): \(f.message)"))\">"
            + JUnitReporter.escaped(body) + "</failure>\n"
    }

    /// XML text and attribute escaping; control characters XML 1.0 cannot
    /// carry become U+FFFD.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(scalar.value);"
            default: out.unicodeScalars.append(scalar.value < 0x20 ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
