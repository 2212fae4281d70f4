/// "Did you mean": the known name nearest to a mistyped one, for unknown
/// subcommands and rule ids (the command line and the configuration alike).
public enum Suggestion {
    /// The candidate within a few edits of `word` (case ignored), nearest
    /// first; nil when none is close enough to be a likely typo.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(word.lowercased().unicodeScalars)
        // One edit in four, at least two: `lnt` finds `lint`, `xyz` finds nothing.
        let allowed = max(2, typed.count / 4)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(typed, Array(candidate.lowercased().unicodeScalars))
            if d <= allowed && d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// ` (did you mean `x`?)` when a candidate is close, else "".
    public static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { " (did you mean `\($0)`?)" } ?? ""
    }

    /// Levenshtein distance, one row at a time.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
