import CLibPQ

/// Removes passwords from text derived from a connection string. libpq echoes
/// parts of a malformed URI in its errors (`invalid percent-encoded token:
/// "s3cret%zz"`, or the whole URI), so every form a password can take in
/// `conninfo` is replaced, raw and percent-decoded.
package enum PasswordRedaction {
    package static let mask = "***"

    package static func redact(_ text: String, conninfo: String) -> String {
        passwords(in: conninfo)
            .sorted { $0.count > $1.count }  // longest first: one may contain another
            .reduce(text) { $0.replacingEvery(occurrenceOf: $1, with: mask) }
    }

    /// Every spelling of a password found in `conninfo`, even when libpq
    /// itself cannot parse it.
    package static func passwords(in conninfo: String) -> Set<String> {
        var found = Set<String>()
        if let parsed = passwordParsedByLibpq(conninfo) { found.insert(parsed) }
        if let userinfo = uriUserinfo(conninfo), let colon = userinfo.firstIndex(of: ":") {
            found.insert(String(userinfo[userinfo.index(after: colon)...]))
        }
        if let query = conninfo.split(separator: "?", maxSplits: 1).dropFirst().first {
            for parameter in query.split(separator: "&") where parameter.hasPrefix("password=") {
                found.insert(String(parameter.dropFirst("password=".count)))
            }
        }
        found.formUnion(keywordPasswords(conninfo))
        let decoded = found.compactMap(percentDecoded)
        return found.union(decoded).filter { !$0.isEmpty }
    }

    private static func passwordParsedByLibpq(_ conninfo: String) -> String? {
        guard let options = PQconninfoParse(conninfo, nil) else { return nil }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val {
                return String(cString: value)
            }
            option += 1
        }
        return nil
    }

    /// `user:password` of `postgresql://user:password@host/...`, up to the
    /// last `@` so a raw `@` inside the password is still covered.
    private static func uriUserinfo(_ conninfo: String) -> Substring? {
        guard let schemeEnd = conninfo.range(ofScalars: "://") else { return nil }
        let afterScheme = conninfo[schemeEnd.upperBound...]
        let authority = afterScheme.prefix { $0 != "?" }
        guard let at = authority.lastIndex(of: "@") else { return nil }
        return authority[..<at]
    }

    /// Values of `password=...` in keyword/value form, quoted or not.
    private static func keywordPasswords(_ conninfo: String) -> [String] {
        var values: [String] = []
        var rest = Substring(conninfo)
        while let match = rest.range(ofScalars: "password") {
            rest = rest[match.upperBound...].drop { $0 == " " }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            if rest.first == "'" {
                var value = ""
                var index = rest.index(after: rest.startIndex)
                while index < rest.endIndex, rest[index] != "'" {
                    if rest[index] == "\\", rest.index(after: index) < rest.endIndex { index = rest.index(after: index) }
                    value.append(rest[index])
                    index = rest.index(after: index)
                }
                values.append(value)
                values.append(String(rest[rest.index(after: rest.startIndex)..<index]))
            } else {
                values.append(String(rest.prefix { $0 != " " }))
            }
        }
        return values
    }

    private static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return nil }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension StringProtocol {
    /// Foundation-free substring search over Unicode scalars.
    func range(ofScalars needle: String) -> Range<Index>? {
        let needleScalars = Array(needle.unicodeScalars)
        guard !needleScalars.isEmpty else { return nil }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        while start < scalars.endIndex {
            var candidate = start
            var matched = 0
            while matched < needleScalars.count, candidate < scalars.endIndex, scalars[candidate] == needleScalars[matched] {
                candidate = scalars.index(after: candidate)
                matched += 1
            }
            if matched == needleScalars.count { return start..<candidate }
            start = scalars.index(after: start)
        }
        return nil
    }
}

extension String {
    /// Works on Unicode scalars so a match is never split or missed at a
    /// Character boundary.
    package func replacingEvery(occurrenceOf needle: String, with replacement: String) -> String {
        let scalars = Array(unicodeScalars)
        let needleScalars = Array(needle.unicodeScalars)
        guard !needleScalars.isEmpty, needleScalars.count <= scalars.count else { return self }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index...].starts(with: needleScalars) {
                result.append(contentsOf: replacement.unicodeScalars)
                index += needleScalars.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
