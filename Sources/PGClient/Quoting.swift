/// Quoting for SQL text and libpq connection strings. Pure functions: the
/// literal form below is correct whatever `standard_conforming_strings` is,
/// so no connection is needed to quote.
extension Connection {
    /// `'it''s'`; text containing a backslash becomes an escape string
    /// (`E'a\\b'`), as PQescapeLiteral does.
    public static func quoteLiteral(_ text: String) -> String {
        var quoted = text.replacingEvery("'", with: "''")
        guard quoted.unicodeScalars.contains("\\") else { return "'\(quoted)'" }
        quoted = quoted.replacingEvery("\\", with: "\\\\")
        return "E'\(quoted)'"
    }

    /// `"My Table"`; always quoted, so reserved words and mixed case survive.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"\(name.replacingEvery("\"", with: "\"\""))\""
    }

    /// A value for a `key=value` conninfo string: single-quoted, with
    /// backslash and quote escaped, so paths with spaces stay one value.
    public static func quoteConninfoValue(_ value: String) -> String {
        "'\(value.replacingEvery("\\", with: "\\\\").replacingEvery("'", with: "\\'"))'"
    }
}

extension String {
    /// Foundation-free replacement of every occurrence of one scalar. Works on
    /// Unicode scalars, not Characters: a quote followed by a combining mark is
    /// one Character, and the server would still read it as a quote.
    package func replacingEvery(_ target: Unicode.Scalar, with replacement: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }
}
