import SQLSource

/// Turns a parsed type into PostgreSQL's spelling (`character varying(36)`,
/// what pg_dump writes) and replint's normalised name (`varchar(36)`), so that
/// `varchar(36)`, `character varying(36)` and `pg_catalog.varchar(36)` compare equal.
enum TypeNames {
    /// Built-in types by internal name, with `format_type`'s spelling where it differs.
    static let displayNames: [String: String] = [
        "int2": "smallint", "int4": "integer", "int8": "bigint", "float4": "real", "float8": "double precision",
        "bool": "boolean", "varchar": "character varying", "bpchar": "character", "varbit": "bit varying",
        "timestamptz": "timestamp with time zone", "timestamp": "timestamp without time zone",
        "timetz": "time with time zone", "time": "time without time zone",
    ]

    /// Names that are not types but shorthands for a type, a sequence and a default.
    static let serials: [String: String] = [
        "serial": "int4", "serial4": "int4", "bigserial": "int8", "serial8": "int8", "smallserial": "int2", "serial2": "int2",
    ]

    /// Built-in types a migration may name without `pg_catalog.`.
    static let builtins: Set<String> = [
        "bool", "bytea", "char", "name", "int8", "int2", "int4", "text", "oid", "json", "xml", "point", "line", "lseg",
        "box", "path", "polygon", "circle", "float4", "float8", "money", "macaddr", "macaddr8", "inet", "cidr",
        "bpchar", "varchar", "date", "time", "timestamp", "timestamptz", "interval", "timetz", "bit", "varbit",
        "numeric", "regclass", "regproc", "regtype", "uuid", "tsvector", "tsquery", "jsonb", "jsonpath",
        "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "int4multirange",
        "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange", "record", "void",
        "trigger", "anyelement", "anyarray", "cstring", "pg_lsn", "txid_snapshot", "pg_snapshot", "xid", "xid8",
        "cid", "tid", "regnamespace", "regrole", "regconfig", "regdictionary", "regoper", "regprocedure",
    ]

    struct Resolved {
        var declared: String
        var normalized: String
        /// The column is `serial`-like: its integer type plus a sequence default.
        var isSerial = false
    }

    /// `resolveUserType` qualifies a name that is not built in (search_path lookup).
    static func resolve(_ type: TypeName, resolveUserType: (_ schema: String?, _ name: String) -> QualifiedName) -> Resolved {
        var names = type.names
        var schema: String? = names.count > 1 ? names.removeFirst() : nil
        while names.count > 1 { schema = names.removeFirst() }
        let name = names.first ?? "?"
        let modifiers = type.modifiers.compactMap { $0.constant?.text ?? $0.columnRef?.joined(separator: ".") }
        let arraySuffix = type.isArray ? "[]" : ""
        if schema == nil, let integer = serials[name.lowercased()] {
            return Resolved(declared: displayNames[integer] ?? integer, normalized: integer, isSerial: true)
        }
        if schema == "pg_catalog" || (schema == nil && builtins.contains(name)) {
            // Interval field masks (`INTERVAL DAY TO SECOND`) are not lengths.
            let mods = name == "interval" || modifiers.isEmpty ? "" : "(\(modifiers.joined(separator: ",")))"
            let display = displayNames[name] ?? name
            let declared: String
            if mods.isEmpty {
                declared = display
            } else if name.hasPrefix("time"), let space = display.firstIndex(of: " ") {
                // format_type puts the precision after the first word: `timestamp(3) with time zone`.
                declared = display[..<space] + mods + display[space...]
            } else {
                declared = display + mods
            }
            return Resolved(declared: declared + arraySuffix, normalized: name + mods + arraySuffix)
        }
        let qualified = resolveUserType(schema, name)
        let mods = modifiers.isEmpty ? "" : "(\(modifiers.joined(separator: ",")))"
        return Resolved(declared: qualified.description + mods + arraySuffix, normalized: qualified.description + mods + arraySuffix)
    }
}
