import Lint

/// A finding's identity across edits, for SARIF `partialFingerprints` and
/// GitLab's `fingerprint`: the rule, the file, the statement's text with its
/// whitespace collapsed, the text the finding points at, and which of the
/// identical ones it is. No line or offset goes in, so inserting lines
/// above a finding keeps its fingerprint; changing the statement changes it.
enum Fingerprint {
    static func all(_ findings: [Finding], path: String, text: (Finding) -> String) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { f in
            let key = [f.ruleID.rawValue, path, collapsed(f.statement), collapsed(text(f))].joined(separator: "\u{0}")
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return hex(fnv1a(key + "\u{0}\(occurrence)", seed: 0xcbf2_9ce4_8422_2325))
                + hex(fnv1a(key + "\u{1}\(occurrence)", seed: 0x8422_2325_cbf2_9ce4))
        }
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// FNV-1a, 64 bits: stable across runs and platforms (Swift's Hasher is seeded per process).
    static func fnv1a(_ text: String, seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension FileResult {
    /// The text a finding points at (empty when the file was not read).
    func pointedText(_ f: Finding) -> String {
        guard let file = document?.file, f.range.upperBound <= file.bytes.count else { return "" }
        return file.text(f.range)
    }

    /// Fingerprints of the findings, then of the suppressed ones, in order;
    /// `path` is the file's root-relative path, the same from any working directory.
    func fingerprints(path: String) -> (findings: [String], suppressed: [String]) {
        let all = Fingerprint.all(findings + suppressed.map(\.finding), path: path, text: pointedText)
        return (Array(all[..<findings.count]), Array(all[findings.count...]))
    }
}
