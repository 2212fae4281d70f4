import SQLSource

/// Help lines are the statement rewritten: the user's own text with a
/// keyword added or a name replaced, so every other detail stays as written.
enum StatementText {
    /// `text` with `keyword` added after the first whole word `word` (any case).
    static func inserting(_ keyword: String, after word: String, in text: String) -> String {
        let bytes = Array(text.utf8)
        let target = Array(word.lowercased().utf8)
        var k = 0
        while k + target.count <= bytes.count {
            let candidate = bytes[k..<(k + target.count)].map { $0 | 0x20 }
            let before = k == 0 || !isWordByte(bytes[k - 1])
            let after = k + target.count == bytes.count || !isWordByte(bytes[k + target.count])
            if before && after && Array(candidate) == target {
                let end = k + target.count
                return String(decoding: bytes[..<end], as: UTF8.self) + " " + keyword + String(decoding: bytes[end...], as: UTF8.self)
            }
            k += 1
        }
        return text
    }

    /// The text before and after the relation name that starts at byte `start`
    /// (a possibly qualified, possibly quoted name).
    static func around(relationAt start: Int, in text: String) -> (head: String, tail: String) {
        let bytes = Array(text.utf8)
        var k = start
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: "\"") {
                k += 1
                while k < bytes.count {
                    if bytes[k] == UInt8(ascii: "\"") {
                        if k + 1 < bytes.count && bytes[k + 1] == UInt8(ascii: "\"") { k += 2; continue }
                        k += 1
                        break
                    }
                    k += 1
                }
            } else {
                while k < bytes.count && isWordByte(bytes[k]) { k += 1 }
            }
            guard k < bytes.count, bytes[k] == UInt8(ascii: ".") else { break }
            k += 1
        }
        let head = String(decoding: bytes[..<min(start, bytes.count)], as: UTF8.self)
        return (head, String(decoding: bytes[min(k, bytes.count)...], as: UTF8.self))
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7a) || b == UInt8(ascii: "_") || b == UInt8(ascii: "$") || b >= 0x80
    }

    /// The statement in an alembic autocommit block, as a help line shows it.
    static func autocommitBlock(_ sql: String) -> String {
        "COMMIT;\n\(sql);\nBEGIN;"
    }
}
