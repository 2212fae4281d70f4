import SQLSource

/// The form of a statement that PostgreSQL accepts inside a transaction
/// block, where one exists: CREATE INDEX, DROP INDEX, REINDEX and DETACH
/// PARTITION without CONCURRENTLY. It proves the statement succeeds on this
/// schema, though it locks differently from what will run for real.
enum InTransactionForm {
    /// The statement without its CONCURRENTLY keyword, or nil when that does
    /// not give a statement allowed in a transaction block (VACUUM, ...).
    static func of(_ statement: Statement) -> String? {
        guard statement.node?.transactionBlockRestriction != nil,
              let keyword = concurrentlyKeyword(in: Array(statement.text.utf8)) else { return nil }
        var bytes = Array(statement.text.utf8)
        bytes.removeSubrange(keyword)
        let rewritten = String(decoding: bytes, as: UTF8.self)
        guard let document = try? SQLDocument(text: rewritten), document.statements.count == 1,
              let node = document.statements[0].node, document.statements[0].failure == nil,
              node.kindName == statement.node?.kindName, node.transactionBlockRestriction == nil
        else { return nil }
        return rewritten
    }

    /// The byte range of the first CONCURRENTLY written as a keyword (not in
    /// a string, quoted name or comment), with the blank after it.
    static func concurrentlyKeyword(in text: [UInt8]) -> Range<Int>? {
        let target = Array("concurrently".utf8)
        var i = 0
        while i < text.count {
            let byte = text[i]
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                i = skipQuoted(text, from: i, quote: byte)
            case UInt8(ascii: "-") where i + 1 < text.count && text[i + 1] == UInt8(ascii: "-"):
                while i < text.count && text[i] != 0x0A { i += 1 }
            case UInt8(ascii: "/") where i + 1 < text.count && text[i + 1] == UInt8(ascii: "*"):
                i = skipBlockComment(text, from: i)
            case UInt8(ascii: "$"):
                i = skipDollarQuoted(text, from: i)
            case _ where isWordByte(byte):
                let start = i
                while i < text.count && isWordByte(text[i]) { i += 1 }
                if text[start..<i].map(lowercased).elementsEqual(target) {
                    var end = i
                    while end < text.count && (text[end] == 0x20 || text[end] == 0x09 || text[end] == 0x0A) { end += 1 }
                    return start..<end
                }
            default:
                i += 1
            }
        }
        return nil
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// Past the closing quote; a doubled quote is part of the text.
    private static func skipQuoted(_ text: [UInt8], from start: Int, quote: UInt8) -> Int {
        var i = start + 1
        while i < text.count {
            if text[i] == quote {
                if i + 1 < text.count && text[i + 1] == quote { i += 2; continue }
                return i + 1
            }
            i += 1
        }
        return i
    }

    private static func skipBlockComment(_ text: [UInt8], from start: Int) -> Int {
        var i = start + 2, depth = 1
        while i + 1 < text.count && depth > 0 {
            if text[i] == UInt8(ascii: "/") && text[i + 1] == UInt8(ascii: "*") { depth += 1; i += 2 }
            else if text[i] == UInt8(ascii: "*") && text[i + 1] == UInt8(ascii: "/") { depth -= 1; i += 2 }
            else { i += 1 }
        }
        return depth > 0 ? text.count : i
    }

    /// `$tag$ ... $tag$`; a lone `$` (a parameter like $1) is skipped alone.
    private static func skipDollarQuoted(_ text: [UInt8], from start: Int) -> Int {
        var end = start + 1
        while end < text.count && isWordByte(text[end]) && text[end] != UInt8(ascii: "$") { end += 1 }
        guard end < text.count, text[end] == UInt8(ascii: "$") else { return start + 1 }
        let tag = Array(text[start...end])
        var i = end + 1
        while i + tag.count <= text.count {
            if text[i..<(i + tag.count)].elementsEqual(tag) { return i + tag.count }
            i += 1
        }
        return text.count
    }
}
