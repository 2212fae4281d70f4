/// Whether ALTER COLUMN ... TYPE rewrites the table, decided as PostgreSQL
/// decides (`ATColumnChangeRequiresRewrite`): a binary-coercible change whose
/// new type modifier accepts every old value keeps the data and the indexes;
/// timestamp <-> timestamptz keeps the data when the session's TimeZone is UTC
/// (PostgreSQL 12 and later) but rebuilds the indexes; the rest rewrites.
enum TypeChangeRewrite: Equatable {
    case none
    case indexesOnly
    case rewrite

    /// `old` and `new` are normalised type names (`varchar(36)`, `numeric(10,2)`, `text`).
    static func decide(from old: String, to new: String, postgresVersion: Int) -> TypeChangeRewrite {
        if old == new { return .none }
        let (oldBase, oldArgs) = split(old), (newBase, newArgs) = split(new)
        switch (oldBase, newBase) {
        case ("varchar", "varchar"), ("varbit", "varbit"):
            guard let limit = newArgs.first else { return .none }
            guard let was = oldArgs.first else { return .rewrite }
            return limit >= was ? .none : .rewrite
        case ("varchar", "text"), ("text", "varchar") where newArgs.isEmpty, ("cidr", "inet"):
            return .none
        case ("numeric", "numeric"):
            guard newArgs.count == 2 else { return newArgs.isEmpty ? .none : .rewrite }
            guard oldArgs.count == 2 else { return .rewrite }
            return newArgs[1] == oldArgs[1] && newArgs[0] >= oldArgs[0] ? .none : .rewrite
        case ("timestamp", "timestamptz"), ("timestamptz", "timestamp"):
            guard oldArgs == newArgs else { return .rewrite }
            return postgresVersion >= 12 ? .indexesOnly : .rewrite
        default:
            return .rewrite
        }
    }

    /// `numeric(10,2)` -> ("numeric", [10, 2]).
    private static func split(_ type: String) -> (String, [Int]) {
        guard let open = type.firstIndex(of: "("), type.hasSuffix(")") else { return (type, []) }
        let args = type[type.index(after: open)..<type.index(before: type.endIndex)].split(separator: ",")
            .compactMap { Int($0.trimmingCharacters(in: " ")) }
        return (String(type[..<open]), args)
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return s
    }
}
