import CPgQuery

/// Recognises leftover log output by its shape, not by known messages.
///
/// Only lines where a statement could start are asked. Every SQL statement
/// begins with a keyword from a small fixed set (or `(`, a comment, `;`), so a
/// line that starts any other way cannot be SQL: a bracket or a digit
/// (timestamps, `[2025-02-28 ...] [pid] [inventory.app.config] [INFO]`), a
/// level word (`INFO  [alembic.runtime.migration] ...`, `WARNING: ...`), or a
/// non-keyword word in a line of prose (`Unable to configure ... logging.`).
/// A keyword-less line that holds a `;` (`asdf;`) is a broken statement, not
/// prose, and goes on to the parser to become a syntax error.
///
/// Inside a log record (the line before was log output) the keyword set is
/// not enough: a multi-line record continues on plain lines, and one of them
/// may begin with a keyword (alembic's `Running upgrade` record carries the
/// revision's docstring, `Create Date: 2025-07-31 08:21:15.437099` included).
/// There the parser decides: see `beginsStatement`.
enum LogShape {
    /// `beginsStatement` is asked only inside a record, for a line that could start SQL.
    static func isLogOutput(_ line: ArraySlice<UInt8>, afterLog: Bool, beginsStatement: () -> Bool) -> Bool {
        guard let first = line.first else { return false }
        switch first {
        case 0x3B, 0x5C: return false  // ; \ : SQL or a meta-command
        case 0x28: return afterLog && !beginsStatement()  // ( : a parenthesised query, or "(see ...)" prose
        case 0x2D: return line.dropFirst().first != 0x2D  // "--" starts a comment
        case 0x2F: return line.dropFirst().first != 0x2A  // "/*" starts a comment
        default: break
        }
        guard isIdentifierStart(first) else { return true }
        var end = line.startIndex
        while end < line.endIndex && isWordByte(line[end]) { end += 1 }
        let word = String(decoding: line[line.startIndex..<end], as: UTF8.self).uppercased()
        if levelWords.contains(word) { return true }
        if afterLog { return !beginsStatement() }  // otherwise a continuation line of the record
        if statementKeywords.contains(word) { return false }
        let hasSemicolon = line.contains(0x3B)
        let words = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).count
        return !hasSemicolon && words >= 2
    }

    /// `scheme://user:secret@host` or `password=secret` in a line about to be committed.
    static func carriesPassword(_ line: ArraySlice<UInt8>) -> Bool {
        ConnectionSecrets.showsPassword(String(decoding: line, as: UTF8.self))
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        isIdentifierContinue(b) && b != 0x24
    }

    static let levelWords: Set<String> = [
        "TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "CRITICAL",
        "FATAL", "SEVERE", "PANIC", "EXCEPTION", "TRACEBACK",
    ]

    /// The words a PostgreSQL statement can begin with (gram.y's `stmt` alternatives).
    static let statementKeywords: Set<String> = [
        "ABORT", "ALTER", "ANALYSE", "ANALYZE", "BEGIN", "CALL", "CHECKPOINT", "CLOSE",
        "CLUSTER", "COMMENT", "COMMIT", "COPY", "CREATE", "DEALLOCATE", "DECLARE",
        "DELETE", "DISCARD", "DO", "DROP", "END", "EXECUTE", "EXPLAIN", "FETCH", "GRANT",
        "IMPORT", "INSERT", "LISTEN", "LOAD", "LOCK", "MERGE", "MOVE", "NOTIFY", "PREPARE",
        "REASSIGN", "REFRESH", "REINDEX", "RELEASE", "RESET", "REVOKE", "ROLLBACK",
        "SAVEPOINT", "SECURITY", "SELECT", "SET", "SHOW", "START", "TABLE", "TRUNCATE",
        "UNLISTEN", "UPDATE", "VACUUM", "VALUES", "WITH",
    ]
}

extension LogShape {
    /// Whether the line `bytes[line]` begins a statement, as PostgreSQL's
    /// parser reads the text from the line's start to `textEnd` (the line's
    /// end, or the end of a string or comment the line opens, or the `;` that
    /// would end the statement). It does when that text parses, and when the
    /// parser's first complaint comes at the end of the text: the line is a
    /// valid beginning, so a broken statement (`SELECT x FROM;`, or
    /// `CREATE TABLE t (` with a bad line after it) stays a syntax error and
    /// is never taken for log output. It does too when the complaint is the
    /// scanner's, about a string or comment that opens on the line and never
    /// closes. It does not when the parser rejects a token inside the line:
    /// no statement can begin `Create Date: 2025-07-31 ...` (rejected at `Date`).
    static func beginsStatement(_ bytes: [UInt8], line: Range<Int>, textEnd: Int) -> Bool {
        let text = bytes[line.lowerBound..<max(line.lowerBound, textEnd)]
        guard let rejected = parseErrorOffset(text) else { return true }
        if rejected >= min(line.count, text.count) { return true }
        return scanErrorOffset(text) == rejected
    }

    private static func parseErrorOffset(_ text: ArraySlice<UInt8>) -> Int? {
        let result = withCString(text) { pg_query_parse($0) }
        defer { pg_query_free_parse_result(result) }
        return result.error.map { byteOffset(ofCharacter: Int($0.pointee.cursorpos) - 1, in: text) }
    }

    private static func scanErrorOffset(_ text: ArraySlice<UInt8>) -> Int? {
        let result = withCString(text) { pg_query_scan($0) }
        defer { pg_query_free_scan_result(result) }
        return result.error.map { byteOffset(ofCharacter: Int($0.pointee.cursorpos) - 1, in: text) }
    }
}
