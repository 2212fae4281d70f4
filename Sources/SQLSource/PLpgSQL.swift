import CPgQuery

/// What libpg_query's PL/pgSQL compiler said about a body it rejected.
public struct PLpgSQLFailure: Sendable, Equatable {
    public let message: String
    /// The body line PostgreSQL names ("near line N"), 1-based from the
    /// character after the opening quote; nil when the context names none.
    public let bodyLine: Int?
}

/// PostgreSQL's PL/pgSQL compiler as libpg_query ships it
/// (`pg_query_parse_plpgsql`): the checks PostgreSQL makes when it creates
/// a function or runs a DO block, without a database.
public enum PLpgSQL {
    /// Compiles the PL/pgSQL code of one statement (CREATE FUNCTION or
    /// PROCEDURE ... LANGUAGE plpgsql, or DO); nil when it compiles.
    public static func check(_ statementText: String) -> PLpgSQLFailure? {
        let result = statementText.withCString { pg_query_parse_plpgsql($0) }
        defer { pg_query_free_plpgsql_parse_result(result) }
        guard let error = result.error else { return nil }
        let message = String(cString: error.pointee.message)
        let context = error.pointee.context.map { String(cString: $0) } ?? ""
        return PLpgSQLFailure(message: message, bodyLine: lineNumber(in: context))
    }

    /// The N of "compilation of PL/pgSQL function "f" near line N".
    static func lineNumber(in context: String) -> Int? {
        // No Foundation on the lint path: split on the marker, keep what follows the last one.
        let parts = context.split(separator: "near line ", omittingEmptySubsequences: false)
        guard parts.count > 1, let last = parts.last else { return nil }
        return Int(last.prefix { $0.isNumber })
    }
}
