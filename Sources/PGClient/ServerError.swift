import CLibPQ

/// An ERROR (or FATAL/PANIC) reported by the server, with the fields libpq
/// exposes. `position` is PostgreSQL's 1-based character offset into the
/// statement that was sent, the same unit replint uses for columns.
public struct ServerError: Error, Equatable, CustomStringConvertible {
    /// Five-character SQLSTATE, e.g. "42P01".
    public let sqlstate: String
    /// Non-localized severity: ERROR, FATAL or PANIC.
    public let severity: String
    public let message: String
    public let detail: String?
    public let hint: String?
    public let position: Int?
    public let context: String?

    public init(sqlstate: String, severity: String, message: String,
                detail: String? = nil, hint: String? = nil, position: Int? = nil, context: String? = nil) {
        self.sqlstate = sqlstate
        self.severity = severity
        self.message = message
        self.detail = detail
        self.hint = hint
        self.position = position
        self.context = context
    }

    init(result: OpaquePointer, fallbackMessage: String) {
        let fields = DiagnosticFields(result)
        self.init(sqlstate: fields[.sqlstate] ?? "XX000",
                  severity: fields.severity ?? "ERROR",
                  message: fields[.message] ?? fallbackMessage,
                  detail: fields[.detail],
                  hint: fields[.hint],
                  position: fields[.statementPosition].flatMap { Int($0) },
                  context: fields[.context])
    }

    public var description: String {
        var text = "\(severity):  \(message) (SQLSTATE \(sqlstate))"
        if let detail { text += "\nDETAIL:  \(detail)" }
        if let hint { text += "\nHINT:  \(hint)" }
        if let context { text += "\nCONTEXT:  \(context)" }
        return text
    }
}

/// A NOTICE, WARNING, INFO, LOG or DEBUG message sent while a statement runs.
public struct Notice: Equatable, Sendable {
    public let severity: String
    public let sqlstate: String
    public let message: String
    public let detail: String?
    public let hint: String?
    public let context: String?

    init(result: OpaquePointer) {
        let fields = DiagnosticFields(result)
        severity = fields.severity ?? "NOTICE"
        sqlstate = fields[.sqlstate] ?? "00000"
        message = fields[.message] ?? ""
        detail = fields[.detail]
        hint = fields[.hint]
        context = fields[.context]
    }
}

/// Field codes of PG_DIAG_* (character macros, which Swift does not import).
enum DiagnosticField: Character {
    case severity = "S"
    case severityNonLocalized = "V"
    case sqlstate = "C"
    case message = "M"
    case detail = "D"
    case hint = "H"
    case statementPosition = "P"
    case context = "W"

    var code: Int32 { Int32(rawValue.asciiValue!) }
}

/// Reads the error fields of a PGresult.
struct DiagnosticFields {
    let result: OpaquePointer

    init(_ result: OpaquePointer) { self.result = result }

    subscript(field: DiagnosticField) -> String? {
        PQresultErrorField(result, field.code).map { String(cString: $0) }
    }

    /// The untranslated severity, so callers can compare it whatever
    /// lc_messages the server runs with.
    var severity: String? {
        self[.severityNonLocalized] ?? self[.severity]
    }
}
