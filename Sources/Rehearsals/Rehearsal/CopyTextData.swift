import PGClient
import SQLSource

/// `COPY table (columns) FROM stdin` followed by its data block, sent as
/// INSERT statements. `Connection` keeps its libpq handle private, so the
/// COPY sub-protocol (PQputCopyData) is out of reach from here; pg_dump's
/// text format is simple enough to decode exactly, and an INSERT of untyped
/// literals goes through the same column input functions as COPY does.
struct CopyTextData {
    /// `shop.products (id, sku)`: what followed COPY, reused after INSERT INTO.
    let target: String
    /// One array per data line; nil is `\N` (NULL).
    let rows: [[String?]]

    /// Rows per INSERT: large enough to be quick, small enough to keep each
    /// statement's text modest.
    static let batchSize = 500

    enum DecodeError: Error, CustomStringConvertible {
        case unsupportedOptions(String)
        var description: String {
            switch self {
            case .unsupportedOptions(let text):
                return "only pg_dump's plain `COPY table (columns) FROM stdin` is supported here, not `\(text)`"
            }
        }
    }

    init(statement: String, data: ArraySlice<UInt8>) throws(DecodeError) {
        guard let target = Self.target(of: statement) else { throw .unsupportedOptions(Statement.headText(statement)) }
        self.target = target
        self.rows = Self.decodeRows(data)
    }

    /// INSERT statements carrying every row, in order.
    var insertStatements: [String] {
        stride(from: 0, to: rows.count, by: Self.batchSize).map { start in
            let values = rows[start..<min(start + Self.batchSize, rows.count)].map { row in
                "(" + row.map { $0.map(Connection.quoteLiteral) ?? "NULL" }.joined(separator: ", ") + ")"
            }
            return "INSERT INTO \(target) VALUES\n" + values.joined(separator: ",\n")
        }
    }

    /// The text between `COPY` and a final `FROM stdin`; nil for any other
    /// shape (options, a query, another source).
    static func target(of statement: String) -> String? {
        let words = statement.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        guard words.count >= 4, words[0].uppercased() == "COPY",
              words[words.count - 2].uppercased() == "FROM", words[words.count - 1].lowercased() == "stdin"
        else { return nil }
        return words[1..<(words.count - 2)].joined(separator: " ")
    }

    /// Lines up to the `\.` line; fields split on tab; escapes as PostgreSQL's
    /// text format defines them.
    static func decodeRows(_ data: ArraySlice<UInt8>) -> [[String?]] {
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        // What follows the last newline is not a line.
        if lines.last?.isEmpty == true { lines.removeLast() }
        var rows: [[String?]] = []
        for var line in lines {
            if line.last == 0x0D { line = line.dropLast() }
            if line.elementsEqual([0x5C, 0x2E]) { break }
            rows.append(line.split(separator: 0x09, omittingEmptySubsequences: false).map(decodeField))
        }
        return rows
    }

    static func decodeField(_ field: ArraySlice<UInt8>) -> String? {
        if field.elementsEqual([0x5C, 0x4E]) { return nil }  // \N
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var i = field.startIndex
        while i < field.endIndex {
            let byte = field[i]
            i += 1
            guard byte == 0x5C, i < field.endIndex else { bytes.append(byte); continue }
            let escape = field[i]
            i += 1
            switch escape {
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escape - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, i < field.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(field[i]) {
                    value = value * 8 + Int(field[i] - UInt8(ascii: "0"))
                    i += 1
                    digits += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            case UInt8(ascii: "x") where i < field.endIndex && hexValue(field[i]) != nil:
                var value = Int(hexValue(field[i])!)
                i += 1
                if i < field.endIndex, let low = hexValue(field[i]) {
                    value = value * 16 + Int(low)
                    i += 1
                }
                bytes.append(UInt8(value))
            default:
                bytes.append(escape)  // `\\` and any other character stand for themselves
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Statement {
    /// The first words of any SQL text, as `head` shows a statement's.
    static func headText(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        return flat.count <= 60 ? flat : String(flat.prefix(57)) + "..."
    }
}
