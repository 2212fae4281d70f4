/// Compares two normalised column types (`varchar(36)`, `int4`, `numeric(10,2)`, `text`):
/// does every value of one fit the other?
enum TypeWidth {
    enum Comparison { case wider, narrower }

    private static let integerRank = ["int2": 0, "int4": 1, "int8": 2, "numeric": 3]

    /// `.wider` when `new` accepts every value of `old`; `.narrower` when the
    /// reverse holds; nil when neither (or replint cannot tell).
    static func compare(_ old: String, _ new: String) -> Comparison? {
        if old == new { return .wider }
        if let a = integerRank[old], let b = integerRank[new] { return b > a ? .wider : .narrower }
        let (oldBase, oldLength) = split(old), (newBase, newLength) = split(new)
        let textual: Set<String> = ["varchar", "text", "bpchar"]
        if textual.contains(oldBase) && textual.contains(newBase) {
            switch (oldLength, newLength) {
            case (_, nil) where newBase != "bpchar": return .wider
            case (nil, _?): return .narrower
            case let (a?, b?): return b >= a ? .wider : .narrower
            default: return nil
            }
        }
        if oldBase == "numeric" && newBase == "numeric" {
            if newLength == nil { return .wider }
            if oldLength == nil { return .narrower }
            return (newLength ?? 0) >= (oldLength ?? 0) ? .wider : .narrower
        }
        if (oldBase == "timestamp" && newBase == "timestamptz") || (old == "json" && new == "jsonb") { return .wider }
        return nil
    }

    /// `varchar(36)` -> ("varchar", 36); `numeric(10,2)` -> ("numeric", 10).
    private static func split(_ type: String) -> (String, Int?) {
        guard let open = type.firstIndex(of: "(") else { return (type, nil) }
        let digits = type[type.index(after: open)...].prefix { $0.isNumber }
        return (String(type[..<open]), Int(digits))
    }
}
