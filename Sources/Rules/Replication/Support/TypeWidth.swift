/// Compares two normalised column types (`varchar(36)`, `int4`, `numeric(10,2)`, `text`):
/// does every value of one fit the other?
enum TypeWidth {
    enum Comparison { case wider, narrower }

    /// `.wider` when `new` accepts every value of `old` unchanged; `.narrower`
    /// when `old` accepts every value of `new` (possibly rounded), so the
    /// publisher may go first; nil when neither or replint cannot tell. A
    /// change that can lose or refuse values is never `.wider`.
    static func compare(_ old: String, _ new: String) -> Comparison? {
        if old == new { return .wider }
        if let a = Numeric(old), let b = Numeric(new) { return compare(a, b) }
        let (oldBase, oldLength) = split(old), (newBase, newLength) = split(new)
        let textual: Set<String> = ["varchar", "text", "bpchar"]
        if textual.contains(oldBase) && textual.contains(newBase) {
            switch (oldLength.first, newLength.first) {
            case (_, nil) where newBase != "bpchar": return .wider
            case (nil, _?): return .narrower
            case let (a?, b?): return b >= a ? .wider : .narrower
            default: return nil
            }
        }
        if (oldBase == "timestamp" && newBase == "timestamptz") || (old == "json" && new == "jsonb") { return .wider }
        return nil
    }

    private static func compare(_ old: Numeric, _ new: Numeric) -> Comparison? {
        if new.holdsUnchanged(old) { return .wider }
        if old.accepts(new) { return .narrower }
        return nil
    }

    /// A number type as what its text must look like to be accepted: how
    /// many integer digits, how many after the point. Values travel as text,
    /// so `numeric(10,4)` takes `1.23456` (rounding it) but `int4` refuses
    /// `1.5` (`invalid input syntax for type integer`), and `numeric(10,4)`
    /// refuses 12345678.90 (`numeric field overflow`: 6 integer digits).
    struct Numeric {
        /// Integer digits some value needs (int4: 10, for 2147483647).
        let neededDigits: Int
        /// Integer digits every value of which fits (int4: 9).
        let heldDigits: Int
        /// Digits after the point it keeps; `Int.max` for plain `numeric`.
        let scale: Int
        /// Integers refuse a fraction; numeric rounds it.
        let roundsFractions: Bool

        init?(_ type: String) {
            let integers = ["int2": 5, "int4": 10, "int8": 19]
            if let digits = integers[type] {
                (neededDigits, heldDigits, scale, roundsFractions) = (digits, digits - 1, 0, false)
                return
            }
            let (base, modifiers) = TypeWidth.split(type)
            guard base == "numeric" || base == "decimal" else { return nil }
            guard let precision = modifiers.first else {
                (neededDigits, heldDigits, scale, roundsFractions) = (Int.max, Int.max, Int.max, true)
                return
            }
            let scale = modifiers.count > 1 ? modifiers[1] : 0
            (neededDigits, heldDigits, self.scale, roundsFractions) = (precision - scale, precision - scale, scale, true)
        }

        /// Every value of `other` is accepted, rounded at worst.
        func accepts(_ other: Numeric) -> Bool {
            heldDigits >= other.neededDigits && (roundsFractions || other.scale == 0)
        }

        /// Every value of `other` is accepted as it is.
        func holdsUnchanged(_ other: Numeric) -> Bool {
            accepts(other) && scale >= other.scale
        }
    }

    /// `varchar(36)` -> ("varchar", [36]); `numeric(10,2)` -> ("numeric", [10, 2]).
    private static func split(_ type: String) -> (String, [Int]) {
        guard let open = type.firstIndex(of: "("), let close = type.lastIndex(of: ")"), open < close else { return (type, []) }
        let inside = type[type.index(after: open)..<close]
        let numbers = inside.split(separator: ",").map { Int($0.filter { $0 != " " }) }
        guard !numbers.contains(nil), !type[type.index(after: close)...].contains("[") else { return (type, []) }
        return (String(type[..<open]), numbers.compactMap { $0 })
    }
}
