import Lint
import SQLSource

/// SARIF 2.1.0, for code scanning: every rule in `tool.driver.rules`, one
/// result per finding with one physical location relative to the repository
/// root (`%SRCROOT%`), columns in Unicode code points, fingerprints that
/// survive lines inserted above, and suppressed findings with their reason.
public struct SARIFReporter: Reporter {
    public static let name = "sarif"
    static let fingerprintKey = "replint/v1"
    let setting: ReportSetting
    let indexByID: [RuleID: Int]
    /// One per finding so far, suppressed ones included; they come after the rules and the invocation.
    var results: [JSON] = []
    var readErrors: [String] = []

    public init(_ setting: ReportSetting) {
        self.setting = setting
        indexByID = Dictionary(uniqueKeysWithValues: setting.rules.enumerated().map { ($1.id, $0) })
    }

    public mutating func file(_ file: FileResult) -> String {
        if let error = file.readError {
            readErrors.append(error)
        } else {
            let uri = setting.rootRelative(file.path)
            let prints = file.fingerprints(path: uri)
            for (f, print) in zip(file.findings, prints.findings) {
                results.append(result(f, uri: uri, fingerprint: print, ruleIndex: indexByID[f.ruleID], suppression: nil))
            }
            for (s, print) in zip(file.suppressed, prints.suppressed) {
                results.append(result(s.finding, uri: uri, fingerprint: print, ruleIndex: indexByID[s.finding.ruleID], suppression: s))
            }
        }
        return ""
    }

    public func finish(_ summary: LintSummary) -> String {
        var driver: [(String, JSON)] = [("name", .string("replint"))]
        if let version = setting.toolVersion { driver.append(("semanticVersion", .string(version))) }
        driver.append(("rules", .array(setting.rules.map(rule))))
        let notifications = (summary.errors + readErrors).map { message -> JSON in
            .object([("level", .string("error")), ("message", .object([("text", .string(message))]))])
        }
        let invocation: JSON = .object([
            ("executionSuccessful", .bool(notifications.isEmpty)),
            ("toolExecutionNotifications", .array(notifications)),
        ])
        let run: JSON = .object([
            ("tool", .object([("driver", .object(driver))])),
            ("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(SARIFReporter.fileURI(directory: setting.root)))]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("invocations", .array([invocation])),
            ("results", .array(results)),
        ])
        return JSON.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).rendered() + "\n"
    }

    func rule(_ d: RuleDescription) -> JSON {
        var pairs: [(String, JSON)] = [
            ("id", .string(d.id.rawValue)),
            ("name", .string(d.name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())),
            ("shortDescription", .object([("text", .string(d.summary))])),
            ("fullDescription", .object([("text", .string(d.rationale))])),
            ("help", .object([("text", .string(d.safeAlternative)), ("markdown", .string(RuleDocumentation.page(d)))])),
        ]
        if let base = setting.rulePageBase { pairs.append(("helpUri", .string(base + d.id.rawValue + ".md"))) }
        pairs.append(("defaultConfiguration", .object([("level", .string(SARIFReporter.level(d.defaultSeverity)))])))
        pairs.append(("properties", .object([("category", .string(d.category.rawValue)), ("tags", .strings([d.category.rawValue]))])))
        return .object(pairs)
    }

    func result(_ f: Finding, uri: String, fingerprint: String, ruleIndex: Int?, suppression: SuppressedFinding?) -> JSON {
        let region: JSON = .object([
            ("startLine", .int(f.start.line)), ("startColumn", .int(f.start.column)),
            ("endLine", .int(f.end.line)), ("endColumn", .int(f.end.column)),
            ("byteOffset", .int(f.range.lowerBound)), ("byteLength", .int(f.range.count)),
        ])
        let location: JSON = .object([("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(SARIFReporter.percentEncoded(uri))), ("uriBaseId", .string("%SRCROOT%"))])),
            ("region", region),
        ]))])
        var pairs: [(String, JSON)] = [("ruleId", .string(f.ruleID.rawValue))]
        if let ruleIndex { pairs.append(("ruleIndex", .int(ruleIndex))) }
        pairs += [
            ("level", .string(SARIFReporter.level(f.severity))),
            ("message", .object([("text", .string(f.message + "\nHelp: " + f.help))])),
            ("locations", .array([location])),
            ("partialFingerprints", .object([(SARIFReporter.fingerprintKey, .string(fingerprint))])),
        ]
        if let rehearsal = f.rehearsal {
            pairs.append(("properties", .object([("rehearsal", JSONReporter.value(rehearsal))])))
        }
        if let suppression {
            var kind: [(String, JSON)] = [("kind", .string("inSource")), ("status", .string("accepted"))]
            kind.append(("justification", .string(suppression.reason ?? "")))
            pairs.append(("suppressions", .array([.object(kind)])))
        }
        return .object(pairs)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// `file:///abs/dir/` (a base URI ends with `/`).
    static func fileURI(directory: String) -> String {
        "file://" + percentEncoded(directory.hasSuffix("/") ? directory : directory + "/")
    }

    /// RFC 3986: unreserved characters and `/` stay, every other byte is `%XX`.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "-._~/".contains(c)) { out.append(c) }
            else { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
