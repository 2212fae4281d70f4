/// A schema-qualified object name, as PostgreSQL stores it (unquoted, case
/// kept): `hbi.hosts`, `app."Order Items"`.
public struct QualifiedName: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var schema: String
    public var name: String

    public init(_ schema: String, _ name: String) {
        self.schema = schema
        self.name = name
    }

    /// Parses `schema.name` or `name` (then in `defaultSchema`), without quotes.
    public init(parsing text: String, defaultSchema: String = "public") {
        if let dot = text.lastIndex(of: ".") {
            self.init(String(text[..<dot]), String(text[text.index(after: dot)...]))
        } else {
            self.init(defaultSchema, text)
        }
    }

    /// SQL spelling, quoting each part only where PostgreSQL would need it.
    public var description: String { "\(quoteIdentifier(schema)).\(quoteIdentifier(name))" }

    public static func < (a: QualifiedName, b: QualifiedName) -> Bool { (a.schema, a.name) < (b.schema, b.name) }
}

/// Quotes an identifier when it is not a plain lower-case name.
public func quoteIdentifier(_ name: String) -> String {
    let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        && !("0"..."9").contains(name.unicodeScalars.first!) && !reservedWords.contains(name)
    return plain ? name : "\"" + name.reduce(into: "") { $0 += $1 == "\"" ? "\"\"" : String($1) } + "\""
}

/// Words that must be quoted as column names (the ones real schemas trip on).
private let reservedWords: Set<String> = [
    "all", "and", "any", "array", "as", "asc", "both", "case", "cast", "check", "collate", "column", "constraint",
    "create", "default", "desc", "distinct", "do", "else", "end", "except", "false", "for", "foreign", "from",
    "grant", "group", "having", "in", "into", "leading", "limit", "not", "null", "offset", "on", "only", "or",
    "order", "primary", "references", "select", "table", "then", "to", "true", "union", "unique", "user",
    "using", "when", "where", "window", "with",
]
