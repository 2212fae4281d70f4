import PGClient
import PGServers

/// What `pg_catalog` says about the user's objects, as fact lines that
/// `ModelFacts` writes the same way from a `Catalog`. Facts are about
/// meaning: normalised types, nullability, default volatility and constant
/// value, key columns; never about the text of an expression.
struct ServerFacts {
    let connection: Connection

    static let userNamespaces = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'"

    /// `schema.name` with PostgreSQL's quoting, like `QualifiedName.description`.
    static func qualified(_ schema: String, _ name: String) -> String { "quote_ident(\(schema)) || '.' || quote_ident(\(name))" }

    func rows(_ sql: String) throws -> [[String]] {
        try connection.execute(sql).rows.map { $0.map { $0 ?? "-" } }
    }

    func all() throws -> [String] {
        var facts: [String] = []
        facts += try tables() + columns() + defaults() + constraints() + indexes() + triggers()
        facts += try enums() + sequences() + functions() + domains() + publications()
        return facts.sorted()
    }

    func tables() throws -> [String] {
        try rows("""
            SELECT \(Self.qualified("n.nspname", "c.relname")), CASE c.relkind WHEN 'p' THEN 'partitioned' ELSE 'plain' END,
                   coalesce((SELECT \(Self.qualified("pn.nspname", "p.relname")) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                             JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid AND c.relispartition), '-'),
                   CASE c.relreplident WHEN 'd' THEN 'default' WHEN 'f' THEN 'full' WHEN 'n' THEN 'nothing'
                        ELSE 'index:' || coalesce((SELECT ic.relname FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid
                                                  WHERE x.indrelid = c.oid AND x.indisreplident), '?') END,
                   coalesce(pg_get_expr(c.relpartbound, c.oid), '-')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND \(Self.userNamespaces)
            """).map { "table \($0[0]) kind=\($0[1]) parent=\($0[2]) replica=\($0[3]) bound=\(ModelFacts.boundKind($0[4] == "-" ? nil : $0[4]))" }
    }

    /// The normalised type name: internal name, modifiers as format_type prints them, `[]` for arrays.
    static let normalizedType = """
        (SELECT CASE WHEN et.oid IS NOT NULL THEN
                     CASE WHEN en.nspname = 'pg_catalog' THEN et.typname ELSE quote_ident(en.nspname) || '.' || quote_ident(et.typname) END
                   ELSE CASE WHEN tn.nspname = 'pg_catalog' THEN t.typname ELSE quote_ident(tn.nspname) || '.' || quote_ident(t.typname) END
                 END || coalesce(substring(format_type(a.atttypid, a.atttypmod) from '\\([0-9,]+\\)'), '')
                 || CASE WHEN et.oid IS NOT NULL THEN '[]' ELSE '' END
         FROM pg_type t JOIN pg_namespace tn ON tn.oid = t.typnamespace
         LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
         LEFT JOIN pg_namespace en ON en.oid = et.typnamespace
         WHERE t.oid = a.atttypid)
        """

    func columns() throws -> [String] {
        try rows("""
            SELECT \(Self.qualified("n.nspname", "c.relname")) || '.' || quote_ident(a.attname), \(Self.normalizedType),
                   a.attnotnull, CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' ELSE '-' END,
                   a.attgenerated = 's'
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND \(Self.userNamespaces)
            """).map { "column \($0[0]) type=\($0[1]) notnull=\($0[2] == "t") identity=\($0[3]) generated=\($0[4] == "t")" }
    }

    func constraints() throws -> [String] {
        try rows("""
            SELECT \(Self.qualified("n.nspname", "c.relname")), con.conname, con.contype, con.convalidated,
                   coalesce((SELECT string_agg(quote_ident(a.attname), ',' ORDER BY CASE WHEN con.contype = 'c' THEN quote_ident(a.attname) END, k.i)
                             FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n), ''),
                   coalesce((SELECT \(Self.qualified("fn.nspname", "f.relname")) || '(' ||
                                    (SELECT string_agg(quote_ident(a.attname), ',' ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n) || ')'
                             FROM pg_class f JOIN pg_namespace fn ON fn.oid = f.relnamespace WHERE f.oid = con.confrelid), '-')
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE \(Self.userNamespaces) AND con.contype IN ('p', 'u', 'c', 'f', 'x')
            """).map { "constraint \($0[0]) \($0[1]) kind=\($0[2]) columns=\($0[4]) validated=\($0[3] == "t") references=\($0[5])" }
    }

    func indexes() throws -> [String] {
        try rows("""
            SELECT \(Self.qualified("n.nspname", "c.relname")), ic.relname, x.indisunique, x.indpred IS NOT NULL,
                   (SELECT string_agg(CASE WHEN k.n = 0 THEN '(expr)' ELSE quote_ident(a.attname) END, ',' ORDER BY k.i)
                    FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, i)
                    LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n
                    WHERE k.i <= x.indnkeyatts)
            FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE \(Self.userNamespaces) AND c.relkind IN ('r', 'p')
            """).map { "index \($0[0]) \($0[1]) unique=\($0[2] == "t") partial=\($0[3] == "t") columns=\($0[4])" }
    }

    func triggers() throws -> [String] {
        try rows("""
            SELECT \(Self.qualified("n.nspname", "c.relname")), t.tgname,
                   CASE t.tgenabled WHEN 'O' THEN 'enabled' WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' ELSE 'always' END
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND \(Self.userNamespaces)
            """).map { "trigger \($0[0]) \($0[1]) state=\($0[2])" }
    }

    func enums() throws -> [String] {
        try rows("""
            SELECT \(Self.qualified("n.nspname", "t.typname")), string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE \(Self.userNamespaces) GROUP BY 1
            """).map { "enum \($0[0]) labels=\($0[1])" }
    }

    func sequences() throws -> [String] {
        try rows("""
            SELECT \(Self.qualified("n.nspname", "c.relname")), st.typname,
                   coalesce((SELECT \(Self.qualified("tn.nspname", "tc.relname")) || '.' || quote_ident(a.attname)
                             FROM pg_depend d JOIN pg_class tc ON tc.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
                             JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                             WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                               AND d.deptype IN ('a', 'i')), '-')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
            JOIN pg_type st ON st.oid = s.seqtypid
            WHERE \(Self.userNamespaces)
            """).map { "sequence \($0[0]) type=\($0[1]) owner=\($0[2])" }
    }

    func functions() throws -> [String] {
        try rows("""
            SELECT \(Self.qualified("n.nspname", "p.proname")),
                   CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE \(Self.userNamespaces) AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
            """).map { "function \($0[0]) volatility=\($0[1])" }
    }

    func domains() throws -> [String] {
        try rows("""
            SELECT \(Self.qualified("n.nspname", "t.typname")), b.typname || coalesce(substring(format_type(t.typbasetype, t.typtypmod) from '\\([0-9,]+\\)'), ''),
                   t.typnotnull
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type b ON b.oid = t.typbasetype
            WHERE t.typtype = 'd' AND \(Self.userNamespaces)
            """).map { "domain \($0[0]) base=\($0[1]) notnull=\($0[2] == "t")" }
    }

    func publications() throws -> [String] {
        let publications = try rows("""
            SELECT p.pubname, p.puballtables, p.pubviaroot,
                   concat_ws(',', CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END,
                             CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END),
                   coalesce((SELECT string_agg(n.nspname, ',' ORDER BY n.nspname) FROM pg_publication_namespace pn
                             JOIN pg_namespace n ON n.oid = pn.pnnspid WHERE pn.pnpubid = p.oid), '')
            FROM pg_publication p
            """).map { "publication \($0[0]) all=\($0[1] == "t") viaroot=\($0[2] == "t") publish=\($0[3]) schemas=\($0[4])" }
        let members = try rows("""
            SELECT p.pubname, \(Self.qualified("n.nspname", "c.relname")),
                   coalesce((SELECT string_agg(quote_ident(a.attname), ',' ORDER BY quote_ident(a.attname)) FROM unnest(r.prattrs::int2[]) WITH ORDINALITY k(n, i)
                             JOIN pg_attribute a ON a.attrelid = r.prrelid AND a.attnum = k.n), '*'),
                   coalesce(pg_get_expr(r.prqual, r.prrelid), '-')
            FROM pg_publication_rel r JOIN pg_publication p ON p.oid = r.prpubid JOIN pg_class c ON c.oid = r.prrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            """).map { row -> String in
                "published \(row[0]) \(row[1]) columns=\(row[2]) filter=\(ModelFacts.normalizedExpression(row[3] == "-" ? nil : row[3]))"
            }
        return publications + members
    }
}
