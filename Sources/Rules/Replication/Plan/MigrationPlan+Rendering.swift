import Lint
import SQLSource

extension MigrationPlan {
    /// For people: one line per statement, the verdict, then the split.
    public func text() -> String {
        var out = "\(path): declared \(declared.rawValue) (\(declaredBy.rawValue))\n\n"
        let width = entries.map { String($0.line).count }.max() ?? 1
        for e in entries {
            let line = String(repeating: " ", count: width - String(e.line).count) + String(e.line)
            out += "\(line)  \(e.order.rawValue.padded(to: 16))  \(e.head)\n"
            out += String(repeating: " ", count: width) + "  " + String(repeating: " ", count: 16) + "  " + e.reason
            out += e.rule.map { " [\($0)]" } ?? ""
            out += "\n"
        }
        out += "\nverdict: \(verdictText)\n"
        for (n, part) in parts.enumerated() {
            out += "\npart \(n + 1): -- replint: apply-order \(part.order.rawValue)\n"
            for sql in part.statements { out += "  \(sql.replacingNewlines())\n" }
        }
        return out
    }

    /// For tools; the schema is in the README ("replint plan"). Statements
    /// are whole: a tool splits or rewrites the file from them.
    public func json() -> String {
        let entries: [JSON] = self.entries.map { e in
            .object([("line", .int(e.line)), ("statement", .string(e.text)), ("head", .string(e.head)),
                     ("order", .string(e.order.rawValue)),
                     ("reason", .string(e.reason)), ("rule", e.rule.map { .string($0.rawValue) } ?? .null)])
        }
        let parts: [JSON] = self.parts.map { p in
            .object([("order", .string(p.order.rawValue)), ("statements", .array(p.statements.map(JSON.string)))])
        }
        let root: JSON = .object([
            ("path", .string(path)), ("declared", .string(declared.rawValue)), ("declared_by", .string(declaredBy.rawValue)),
            ("statements", .array(entries)), ("verdict", .string(verdictName)), ("verdict_text", .string(verdictText)),
            ("safe_as_declared", .bool(isSafeAsDeclared)), ("parts", .array(parts)),
        ])
        return root.rendered() + "\n"
    }

    var verdictName: String {
        switch verdict {
        case .fits: "fits"
        case .needsOrder: "needs-order"
        case .split: "split"
        case .unsafe: "unsafe"
        }
    }
}

extension String {
    func replacingNewlines() -> String { split(whereSeparator: \.isNewline).joined(separator: "\n  ") }
}
