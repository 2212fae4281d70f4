/// replint's one JSON writer (lint, plan, schema, rehearsal reports): key
/// order is kept, so output is stable and diffable, and no Foundation is needed.
public indirect enum JSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number already spelled as JSON (`12.345`).
    case number(String)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// An object written on one line (`{"path": "a.sql", "reason": "..."}`),
    /// for short records in a list.
    case compactObject([(String, JSON)])

    public static func strings(_ values: [String]) -> JSON { .array(values.map(JSON.string)) }

    public func rendered(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let text): return text
        case .string(let s): return JSON.quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { inner + JSON.quote($0.0) + ": " + $0.1.rendered(indent: inner) }.joined(separator: ",\n") + "\n\(indent)}"
        case .compactObject(let pairs):
            return "{" + pairs.map { JSON.quote($0.0) + ": " + $0.1.rendered(indent: indent) }.joined(separator: ", ") + "}"
        }
    }

    /// The whole value on one line without spaces (`{"k":1,"a":[1,2]}`), for
    /// JSON Lines such as the runner's log.
    public func renderedLine() -> String {
        switch self {
        case .array(let items):
            return "[" + items.map { $0.renderedLine() }.joined(separator: ",") + "]"
        case .object(let pairs), .compactObject(let pairs):
            return "{" + pairs.map { JSON.quote($0.0) + ":" + $0.1.renderedLine() }.joined(separator: ",") + "}"
        default:
            return rendered()
        }
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
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
