/// One statement of a file: where it is, its text, and its parse tree or
/// libpg_query's complaint about it.
public struct Statement: Sendable {
    public let index: Int
    /// From its first token to its last, without the terminating `;`.
    public let range: Range<Int>
    /// Through the terminating `;` when there is one.
    public let fullRange: Range<Int>
    public let location: SourceLocation
    public let text: String
    /// Comments between the previous statement and this one.
    public let leadingComments: [Comment]
    /// The statement's root node (`AlterTableStmt`, `InsertStmt`, ...), taken
    /// once at parse time; it keeps the statement's parse tree alive.
    public let node: Node?
    /// Set when libpg_query rejects the text; `offset` is absolute in the file.
    public let failure: ParseFailure?

    /// The first few words, for logs and reports: `ALTER TABLE hbi.hosts ADD COLUMN ...`.
    public var head: String { Statement.head(of: text) }

    static func head(of text: String, limit: Int = 60) -> String {
        let flat = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 3)) + "..."
    }
}

public struct Comment: Sendable {
    public let range: Range<Int>
    public let text: String
    /// The text without `--` or `/* */`, trimmed.
    public var body: String {
        var t = Substring(text)
        if t.hasPrefix("--") { t = t.dropFirst(2) } else if t.hasPrefix("/*") { t = t.dropFirst(2).dropLast(2) }
        return t.trimmed(of: " \t\r\n")
    }
}

extension StringProtocol {
    /// Without the leading and trailing characters of `set` (spaces and tabs by default).
    public func trimmed(of set: String = " \t") -> String {
        // Indices, not drop/reversed: those build nested generic types whose
        // first use costs more than the rest of a small lint run.
        guard let first = firstIndex(where: { !set.contains($0) }),
              let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The scalars as a string, appended one at a time: UnicodeScalarView's
    /// generic init and append(contentsOf:) are not specialized, and their
    /// witness lookups cost more than the text they build.
    init<S: Sequence<Unicode.Scalar>>(scalars: S) {
        var view = UnicodeScalarView()
        for scalar in scalars { view.append(scalar) }
        self.init(view)
    }

    /// Left-aligned in a column `width` characters wide, for text tables.
    public func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

/// A psql meta-command line (`\restrict KEY`, `\connect db`): not SQL.
public struct MetaCommand: Sendable {
    public let range: Range<Int>
    public let text: String
    /// `\restrict`, `\connect`, ...
    public var name: String { String(text.prefix { $0 != " " && $0 != "\t" }) }
}
