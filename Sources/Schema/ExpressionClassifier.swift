import SQLSource

/// Decides the volatility class of an expression the way PostgreSQL does: the
/// most volatile function it calls. Built-in functions come from the table
/// below; functions the catalogue knows, from their declaration; anything
/// unknown counts as volatile, PostgreSQL's own default for a function.
enum ExpressionClassifier {
    static let volatileBuiltins: Set<String> = [
        "random", "random_normal", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4",
        "clock_timestamp", "nextval", "setval", "currval", "lastval", "timeofday", "gen_random_bytes", "txid_current",
        "pg_current_xact_id", "gen_salt",
    ]
    static let stableBuiltins: Set<String> = [
        "now", "transaction_timestamp", "statement_timestamp", "current_setting", "current_database", "current_schema",
        "current_schemas", "to_char", "to_timestamp", "age", "date_trunc", "date_part", "extract", "json_build_object",
        "jsonb_build_object", "json_build_array", "jsonb_build_array", "to_json", "to_jsonb", "row_to_json",
        "array_to_json", "concat", "concat_ws", "format", "pg_backend_pid", "inet_client_addr", "timezone",
    ]
    static let immutableBuiltins: Set<String> = [
        "lower", "upper", "length", "char_length", "octet_length", "abs", "round", "trunc", "floor", "ceil", "ceiling",
        "md5", "substr", "substring", "trim", "btrim", "ltrim", "rtrim", "replace", "left", "right", "lpad", "rpad",
        "split_part", "array_length", "cardinality", "make_interval", "make_date", "make_time", "sqrt", "power",
        "mod", "sign", "int4", "int8", "int2", "numeric", "float8", "float4", "text", "uuid", "bool", "jsonb",
        "encode", "decode", "sha256", "sha512", "digest", "regexp_replace", "translate", "initcap", "reverse",
        "repeat", "strpos", "position", "array_fill", "array_append", "array_cat", "jsonb_set", "string_to_array",
        "array_to_string", "starts_with", "nullif", "greatest", "least", "uuid_nil", "interval",
    ]

    /// `lookup` answers the volatility of a function the catalogue declares
    /// (nil when it declares none of that name).
    static func volatility(of node: Node, lookup: (_ schema: String?, _ name: String) -> Volatility?) -> Volatility {
        var worst = Volatility.immutable
        for part in node.subtree() {
            if part.isSQLValueFunction {
                worst = max(worst, .stable)
            } else if part.isSubquery {
                worst = .volatile
            } else if let call = part.functionCall {
                var name = call.name
                let function = (name.popLast() ?? "").lowercased()
                let schema = name.last
                worst = max(worst, builtinOrDeclared(schema: schema, name: function, lookup: lookup))
            }
            if worst == .volatile { break }
        }
        return worst
    }

    private static func builtinOrDeclared(schema: String?, name: String,
                                          lookup: (_ schema: String?, _ name: String) -> Volatility?) -> Volatility {
        // Unqualified names find pg_catalog first, as PostgreSQL searches it before the search path.
        if schema == nil || schema == "pg_catalog" {
            if volatileBuiltins.contains(name) { return .volatile }
            if stableBuiltins.contains(name) { return .stable }
            if immutableBuiltins.contains(name) { return .immutable }
        }
        if schema != "pg_catalog", let declared = lookup(schema, name) { return declared }
        return .volatile
    }

    /// The literal's value when `node` is a constant or a chain of casts of
    /// one; `isNull` for a NULL constant.
    static func constantValue(of node: Node) -> (value: String?, isNull: Bool)? {
        if let constant = node.constant { return constant.isNull ? (nil, true) : (constant.text, false) }
        if let cast = node.typeCast, let argument = cast.argument { return constantValue(of: argument) }
        return nil
    }
}
