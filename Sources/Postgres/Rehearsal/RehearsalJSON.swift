/// The rehearsal report as JSON. The Postgres module cannot use the
/// Reporters module's writer (Reporters sits beside it, not below it), so
/// this is a minimal one with the same conventions: keys in a fixed order,
/// two-space indentation, 1-based lines.
public enum RehearsalJSON {
    indirect enum Value {
        case null, bool(Bool), int(Int), number(String), string(String), array([Value]), object([(String, Value)])

        func rendered(indent: String) -> String {
            let inner = indent + "  "
            switch self {
            case .null: return "null"
            case .bool(let value): return value ? "true" : "false"
            case .int(let value): return String(value)
            case .number(let text): return text
            case .string(let text): return quote(text)
            case .array(let items):
                if items.isEmpty { return "[]" }
                return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
            case .object(let pairs):
                if pairs.isEmpty { return "{}" }
                return "{\n" + pairs.map { inner + quote($0.0) + ": " + $0.1.rendered(indent: inner) }
                    .joined(separator: ",\n") + "\n\(indent)}"
            }
        }
    }

    /// One report; `indent` lets a caller nest it in a larger document.
    public static func render(_ report: RehearsalReport, indent: String = "") -> String {
        value(report).rendered(indent: indent)
    }

    static func value(_ report: RehearsalReport) -> Value {
        .object([
            ("path", .string(report.path)),
            ("target", .string(report.target.rawValue)),
            ("server_version", report.serverVersion.map(Value.string) ?? .null),
            ("exit_code", .int(Int(report.exitCode))),
            ("setup_error", report.setupError.map(Value.string) ?? .null),
            ("setup_notes", .array(report.setupNotes.map(Value.string))),
            ("statements", .array(report.statements.map(value))),
            ("failure", report.failure.map(value) ?? .null),
            ("not_rehearsable", .array(report.notRehearsable.map { .int($0.line) })),
            ("rollback", report.rollback.map(value) ?? .null),
            ("notes", .array(report.notes.map(Value.string))),
        ])
    }

    static func value(_ record: RehearsalReport.StatementRecord) -> Value {
        .object([
            ("line", .int(record.line)), ("column", .int(record.column)), ("head", .string(record.head)),
            ("execution", .string(record.execution.rawValue)), ("failed", .bool(record.failed)),
            ("duration_ms", record.durationMilliseconds.map { .number(milliseconds($0)) } ?? .null),
            ("command_tag", record.commandTag.map(Value.string) ?? .null),
            ("rows", record.rows.map(Value.int) ?? .null),
            ("locks_traced", .bool(record.locksTraced)),
            ("locks", .array(record.locks.map { lock in
                .object([
                    ("relation", .string(lock.lock.relation)), ("kind", .string(lock.lock.kind.rawValue)),
                    ("mode", .string(lock.lock.modeName)), ("granted", .bool(lock.lock.granted)),
                    ("existed_before", .bool(lock.existedBefore)), ("replicated", .bool(lock.replicated)),
                    ("flagged", .bool(lock.flagged)),
                ])
            })),
            ("notes", .array(record.notes.map(Value.string))),
            ("notices", .array(record.notices.map(Value.string))),
        ])
    }

    static func value(_ failure: RehearsalReport.Failure) -> Value {
        .object([
            ("line", .int(failure.line)), ("column", .int(failure.column)), ("head", .string(failure.head)),
            ("sqlstate", failure.sqlstate.map(Value.string) ?? .null), ("message", .string(failure.message)),
            ("detail", failure.detail.map(Value.string) ?? .null), ("hint", failure.hint.map(Value.string) ?? .null),
            ("error_line", failure.errorLine.map(Value.int) ?? .null),
        ])
    }

    static func value(_ check: RehearsalReport.RollbackCheck) -> Value {
        .object([
            ("scope", .string(check.scope)), ("unchanged", .bool(check.unchanged)),
            ("fingerprint_before", .string(check.before.digest)), ("fingerprint_after", .string(check.after.digest)),
            ("differences", .array(check.before.differences(to: check.after).map(Value.string))),
        ])
    }

    /// Three decimals, without Foundation's formatters.
    static func milliseconds(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
