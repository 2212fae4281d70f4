import CPgQuery

// Views over the code a statement carries (DO blocks, function and procedure
// bodies) and the few statement details the compatibility rules read.

extension Node {
    /// `DROP DATABASE name`: the database's name.
    public var droppedDatabase: String? {
        tag == PG_QUERY__NODE__NODE_DROPDB_STMT ? SQLSource.string(raw.pointee.dropdb_stmt.pointee.dbname) : nil
    }

    /// `CREATE EXTENSION name`: the extension's name.
    public var createdExtension: String? {
        tag == PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT ? SQLSource.string(raw.pointee.create_extension_stmt.pointee.extname) : nil
    }

    /// `DO [LANGUAGE name] 'code'`: PL/pgSQL unless it names another language.
    public var doBlock: RoutineBody? {
        guard tag == PG_QUERY__NODE__NODE_DO_STMT else { return nil }
        let stmt = raw.pointee.do_stmt.pointee
        return RoutineBody(nodes(stmt.n_args, stmt.args).compactMap(\.defElem), defaultLanguage: "plpgsql")
    }
}

extension CreateFunction {
    /// `AS 'code'` with its language (`sql` when none is named); nil for
    /// `BEGIN ATOMIC` bodies and C functions (`AS 'file', 'symbol'`).
    public var body: RoutineBody? { RoutineBody(options, defaultLanguage: "sql") }
}

/// The code of a DO block or of a function or procedure: what PostgreSQL
/// hands to the language's compiler.
public struct RoutineBody: Sendable {
    /// Lower case, as PostgreSQL compares it.
    public let language: String
    public let source: String
    /// Statement-relative offset where the code's string literal starts or,
    /// for CREATE FUNCTION, the `AS` before it.
    public let searchFrom: Int

    init?(_ options: [DefElem], defaultLanguage: String) {
        guard let code = options.first(where: { $0.name == "as" }), let argument = code.argument else { return nil }
        let parts = argument.list ?? [argument]
        guard parts.count == 1, let source = parts[0].string else { return nil }
        let language = options.first { $0.name == "language" }?.argument?.string
        self.language = (language ?? defaultLanguage).lowercased()
        self.source = source
        self.searchFrom = code.location
    }
}

extension DefElem {
    public var location: Int { Int(raw.pointee.location) }
}

extension ResTarget {
    /// `SET a[1] = ...` or `SET c.field = ...`: assigns part of the column.
    public var hasIndirection: Bool { raw.pointee.n_indirection > 0 }
    public var location: Int { Int(raw.pointee.location) }
}

extension Update {
    public var hasFromClause: Bool { raw.pointee.n_from_clause > 0 }
}

extension Insert {
    /// `INSERT ... DEFAULT VALUES` (no query at all).
    public var isDefaultValues: Bool { raw.pointee.select_stmt == nil }
}

extension AlterTableCommand {
    /// `ALTER COLUMN c SET GENERATED ... / RESTART / SET INCREMENT ...`: the options given.
    public var identityOptions: [DefElem] { definition?.list?.compactMap(\.defElem) ?? [] }
}

extension Constant {
    /// A string literal (`'up'`), not a number, boolean or bit string.
    public var isString: Bool { raw.pointee.val_case == PG_QUERY__A__CONST__VAL_SVAL }
}

extension Insert {
    /// The column list as written, one target per column.
    public var columnTargets: [ResTarget] { nodes(raw.pointee.n_cols, raw.pointee.cols).compactMap(\.resTarget) }
}
