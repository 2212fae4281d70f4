import PGClient
/// SQL expressions for column values chosen from the column's type alone,
/// deterministic for a given seed: the same rehearsal sends the same rows.
struct ValueGenerator {
    /// Distinguishes rows: phase and row number, plus the table for uuids.
    let seed: Int
    let salt: String

    /// An expression of the column's own type, or nil for a type replint
    /// has no value for.
    func value(for column: TableShape.Column) -> String? {
        if column.isEnum { return column.enumLabels.first.map { cast(Connection.quoteLiteral($0), column.type) } }
        if column.category == "A", let element = column.elementType {
            let elementColumn = TableShape.Column(
                name: column.name, type: element, notNull: true, hasDefault: false, writtenByServer: false,
                defaultExpression: nil, baseType: Self.baseName(of: element), category: Self.category(of: element),
                isEnum: column.elementIsEnum, enumLabels: column.elementLabels, maxLength: nil, elementType: nil,
                elementIsEnum: false, elementLabels: [])
            return value(for: elementColumn).map { cast("ARRAY[\($0)]", column.type) }
        }
        guard let raw = rawValue(base: column.baseType, maxLength: column.maxLength) else { return nil }
        return cast(raw, column.type)
    }

    /// A text value of exactly `length` characters: longer than a narrowed column allows.
    func text(ofLength length: Int, type: String) -> String {
        cast(Connection.quoteLiteral(String(repeating: "x", count: max(1, length))), type)
    }

    private func rawValue(base: String, maxLength: Int?) -> String? {
        switch base {
        case "bool": return seed % 2 == 0 ? "true" : "false"
        case "int2": return String(20_000 + seed % 10_000)
        case "int4", "int8", "oid": return String(700_000 + seed)
        case "numeric", "float4", "float8", "money": return "\(seed).5"
        case "text", "varchar", "bpchar", "name", "citext":
            let text = "r\(seed)-\(salt)"
            return Connection.quoteLiteral(String(text.prefix(maxLength ?? text.count)))
        case "uuid": return "md5(\(Connection.quoteLiteral("replint-\(salt)-\(seed)")))::uuid"
        case "json", "jsonb": return Connection.quoteLiteral("{\"replint\": \(seed)}")
        case "date": return "date '2026-01-01' + \(seed % 3650)"
        case "timestamp": return "timestamp '2026-01-01 00:00:00' + interval '1 minute' * \(seed)"
        case "timestamptz": return "timestamptz '2026-01-01 00:00:00+00' + interval '1 minute' * \(seed)"
        case "time", "timetz": return "time '12:00' + interval '1 second' * \(seed % 3600)"
        case "interval": return "interval '1 minute' * \(seed)"
        case "bytea": return "convert_to(\(Connection.quoteLiteral("replint-\(seed)")), 'UTF8')"
        case "inet", "cidr": return Connection.quoteLiteral("10.0.\(seed / 250 % 250).\(seed % 250 + 1)")
        default: return nil
        }
    }

    private func cast(_ expression: String, _ type: String) -> String { "(\(expression))::\(type)" }

    /// Enough of `format_type`'s output to choose a value for an array's element.
    static func baseName(of formatted: String) -> String {
        let name = String(formatted.prefix { $0 != "(" }).replacingTrailingSpaces()
        return [
            "character varying": "varchar", "character": "bpchar", "integer": "int4", "bigint": "int8", "smallint": "int2",
            "boolean": "bool", "double precision": "float8", "real": "float4",
            "timestamp with time zone": "timestamptz", "timestamp without time zone": "timestamp",
            "time without time zone": "time", "time with time zone": "timetz",
        ][name] ?? name
    }

    static func category(of formatted: String) -> String { formatted.hasSuffix("[]") ? "A" : "" }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
