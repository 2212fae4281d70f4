import PGClient
import PGServers

extension ServerFacts {
    /// Each column default's volatility, decided by PostgreSQL itself rather
    /// than by reading the expression: a volatile default makes `ADD COLUMN`
    /// rewrite the table (its file node changes), and only an immutable one
    /// is accepted as a generated column's expression.
    func defaults() throws -> [String] {
        let rows = try rows("""
            SELECT \(Self.qualified("n.nspname", "c.relname")) || '.' || quote_ident(a.attname), pg_get_expr(d.adbin, d.adrelid),
                   -- A literal, or a cast of one (explicit or implicit, funcformat 1 or 2).
                   d.adbin::text ~ '^\\{CONST ' OR d.adbin::text ~ '^\\{FUNCEXPR .*:funcformat [12] .*:args \\(\\{CONST [^{}]*\\}\\) :location -?[0-9]+\\}$',
                   CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) ELSE format_type(a.atttypid, a.atttypmod) END
            FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
            JOIN pg_class c ON c.oid = d.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attgenerated = '' AND c.relkind IN ('r', 'p') AND \(Self.userNamespaces)
            """)
        return try rows.map { row in
            let (column, expression, isConstant, type) = (row[0], row[1], row[2] == "t", row[3])
            let volatility = try rewritesTable(type: type, default: expression) ? "volatile"
                : try acceptedAsGenerated(type: type, expression: expression) ? "immutable" : "stable"
            let constant = isConstant ? try connection.execute("SELECT (\(expression))::text").rows.first?.first ?? nil : nil
            return "default \(column) volatility=\(volatility) constant=\(constant ?? "-")"
        }
    }

    private func probing<T>(_ body: () throws -> T) throws -> T {
        try connection.execute("BEGIN")
        defer { _ = try? connection.execute("ROLLBACK") }
        try connection.execute("CREATE TEMP TABLE replint_probe (x int)")
        try connection.execute("INSERT INTO replint_probe VALUES (1)")
        return try body()
    }

    func rewritesTable(type: String, default expression: String) throws -> Bool {
        try probing {
            let before = try connection.execute("SELECT pg_relation_filenode('replint_probe')").rows
            try connection.execute("ALTER TABLE replint_probe ADD COLUMN c \(type) DEFAULT \(expression)")
            return try connection.execute("SELECT pg_relation_filenode('replint_probe')").rows != before
        }
    }

    func acceptedAsGenerated(type: String, expression: String) throws -> Bool {
        try probing {
            do {
                try connection.execute("ALTER TABLE replint_probe ADD COLUMN g \(type) GENERATED ALWAYS AS (\(expression)) STORED")
                return true
            } catch PostgresError.server {
                return false
            }
        }
    }
}
