/// Finds the passwords of connection strings in free text (a leftover log
/// line, a `CREATE SUBSCRIPTION ... CONNECTION '...'`, a role's `PASSWORD
/// '...'`) so that no report shows one: `postgresql://user:***@host/db`,
/// `password=***`. Pure text work; the client's redaction, which knows the
/// exact connection string it used, covers what libpq echoes.
public enum ConnectionSecrets {
    public static let mask = "***"

    /// `text` with every password replaced by `***`.
    public static func masked(_ text: String) -> String {
        guard mayShowPassword(text) else { return text }
        let ranges = secretRanges(in: Array(text.unicodeScalars))
        guard !ranges.isEmpty else { return text }
        return replacing(ranges, in: Array(text.unicodeScalars)).text
    }

    /// Whether `text` shows a password (one not masked already).
    public static func showsPassword(_ text: String) -> Bool {
        mayShowPassword(text) && !secretRanges(in: Array(text.unicodeScalars)).isEmpty
    }

    /// False when `text` has neither a `://` nor a `passw` in any case, which
    /// every password the scan finds follows: most text is spared the scan.
    /// Both are ASCII, so the UTF-8 bytes show them as the scalars would.
    static func mayShowPassword(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for i in 0..<(bytes.count - 2) {
                switch bytes[i] {
                case UInt8(ascii: ":"):
                    if bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/") { return true }
                case UInt8(ascii: "p"), UInt8(ascii: "P"):
                    if i + 5 <= bytes.count, bytes[(i + 1)..<(i + 5)].elementsEqual("assw".utf8, by: { $0 | 0x20 == $1 }) { return true }
                default:
                    continue
                }
            }
            return false
        }
    }

    /// Scalar offsets of each password, in order, not overlapping.
    public static func secretRanges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges = uriPasswords(scalars) + keywordPasswords(scalars)
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var out: [Range<Int>] = []
        // A value of asterisks is masked already.
        for r in ranges where !r.isEmpty && !scalars[r].allSatisfy({ $0 == "*" }) {
            if let last = out.last, r.lowerBound < last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// The scalars with `ranges` masked, and where each old offset went.
    public static func replacing(_ ranges: [Range<Int>], in scalars: [Unicode.Scalar]) -> (text: String, offset: (Int) -> Int) {
        var text = ""
        var position = 0
        for r in ranges {
            text += String(scalars: scalars[position..<r.lowerBound]) + mask
            position = r.upperBound
        }
        text += String(scalars: scalars[position...])
        let offset: (Int) -> Int = { old in
            var shift = 0
            for r in ranges where r.lowerBound < old {
                if old < r.upperBound { return r.lowerBound + shift }  // inside a password: its mask
                shift += mask.count - r.count
            }
            return old + shift
        }
        return (text, offset)
    }

    /// `user:secret` before the last `@` of a `scheme://` authority.
    private static func uriPasswords(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i + 2 < s.count {
            defer { i += 1 }
            guard s[i] == ":", s[i + 1] == "/", s[i + 2] == "/" else { continue }
            let start = i + 3
            var end = start
            while end < s.count, !" \t\r\n/\"'?#".unicodeScalars.contains(s[end]) { end += 1 }
            guard let at = s[start..<end].lastIndex(of: "@"),
                  let colon = s[start..<at].firstIndex(of: ":") else { continue }
            out.append(colon + 1..<at)
        }
        return out
    }

    /// The value after `password=`, `password:`, `passwd=`, `"password": `, or
    /// SQL's `PASSWORD '...'`, quoted or bare, in any case.
    private static func keywordPasswords(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        let lower = s.map { $0.isASCII ? Unicode.Scalar(UInt8(ascii: $0) | (($0 >= "A" && $0 <= "Z") ? 0x20 : 0)) : $0 }
        var out: [Range<Int>] = []
        for key in ["password", "passwd"] {
            let needle = Array(key.unicodeScalars)
            var i = 0
            while i + needle.count <= lower.count {
                defer { i += 1 }
                guard lower[i..<i + needle.count].elementsEqual(needle) else { continue }
                var j = i + needle.count
                if j < s.count, s[j] == "\"" { j += 1 }  // JSON: "password": "..."
                let spaced = j
                while j < s.count, s[j] == " " { j += 1 }
                var separated = false
                if j < s.count, s[j] == "=" || s[j] == ":" { separated = true; j += 1 }
                while j < s.count, s[j] == " " { j += 1 }
                guard j < s.count else { continue }
                if s[j] == "'" || s[j] == "\"" {
                    // Bare `PASSWORD 'x'` only as SQL writes it: a space, then a literal.
                    guard separated || j > spaced else { continue }
                    let quote = s[j]
                    var k = j + 1
                    while k < s.count, s[k] != quote { k += s[k] == "\\" ? 2 : 1 }
                    out.append(j + 1..<min(k, s.count))
                } else if separated {
                    var k = j
                    while k < s.count, !" \t\r\n'\",;&})".unicodeScalars.contains(s[k]) { k += 1 }
                    out.append(j..<k)
                }
            }
        }
        return out
    }
}
