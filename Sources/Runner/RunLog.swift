import PGClient
import SQLSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The runner's record of a run: one line per event, as text for people or
/// as JSON lines for a log pipeline. A job's log is often all that is left
/// of a failed migration, so every line stands on its own (file, line,
/// outcome), and no line ever carries a password: the database password is
/// scrubbed from every line, whatever produced it.
public final class RunLog: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case debug, info, warning, error

        public init?(name: String) {
            guard let level = Self.allCases.first(where: { $0.name == name }) else { return nil }
            self = level
        }

        public var name: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public indirect enum Value: Sendable, Equatable {
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case null
        case array([Value])
        case object([Field])
    }

    public struct Field: Sendable, Equatable {
        public let key: String
        public let value: Value
        public init(_ key: String, _ value: Value) {
            self.key = key
            self.value = value
        }
    }

    public let format: Format
    public let minimumLevel: Level
    private let write: @Sendable (String) -> Void
    /// Longest first. Held while a line is written, so lines never interleave.
    private let secrets = Mutex<[String]>([])

    /// `write` receives each line with its newline.
    public init(format: Format = .text, minimumLevel: Level = .info, write: @escaping @Sendable (String) -> Void) {
        self.format = format
        self.minimumLevel = minimumLevel
        self.write = write
    }

    /// Lines from now on have these replaced by `***`.
    func redact(_ values: [String]) {
        secrets.withLock { secrets in
            secrets = (secrets + values).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        }
    }

    /// `message` is the whole story for text; `fields` add machine-readable
    /// detail for JSON (the event name, file line, duration, ...).
    func record(_ level: Level, _ event: String, _ message: String, _ fields: [Field] = []) {
        guard level >= minimumLevel else { return }
        secrets.withLock { secrets in
            let line: String
            switch format {
            case .text:
                let label = level.name.uppercased()
                // Continuation lines (a statement's text, libpq's hints) stay
                // visibly part of their entry.
                let indented = message.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.drop { $0 == "\t" } }.joined(separator: "\n        ")
                line = label + String(repeating: " ", count: max(1, 8 - label.count)) + indented
            case .json:
                let head = [Field("time", .string(Self.timestamp())), Field("level", .string(level.name)),
                            Field("event", .string(event)), Field("message", .string(message))]
                line = RunLog.Value.object(head + fields).json.renderedLine()
            }
            write(Self.scrub(line, secrets) + "\n")
        }
    }

    /// `text` with every secret this log knows replaced, for output that
    /// does not go through `record` (ship's report).
    func scrubbed(_ text: String) -> String {
        secrets.withLock { Self.scrub(text, $0) }
    }

    private static func scrub(_ line: String, _ secrets: [String]) -> String {
        secrets.reduce(line) { text, secret in
            let jsonSpelling = String(JSON.quote(secret).dropFirst().dropLast())
            let once = text.replacingEvery(occurrenceOf: secret, with: PasswordRedaction.mask)
            return jsonSpelling == secret ? once : once.replacingEvery(occurrenceOf: jsonSpelling, with: PasswordRedaction.mask)
        }
    }

    /// UTC, millisecond precision, RFC 3339.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(now.tv_nsec / 1_000_000), 3))Z"
    }
}

extension RunLog.Value {
    /// The value in the one JSON writer's terms (a non-finite double is null).
    var json: JSON {
        switch self {
        case .string(let text): .string(text)
        case .int(let number): .int(number)
        case .double(let number): number.isFinite ? .number(String(number)) : .null
        case .bool(let flag): .bool(flag)
        case .null: .null
        case .array(let values): .array(values.map(\.json))
        case .object(let fields): .object(fields.map { ($0.key, $0.value.json) })
        }
    }
}
