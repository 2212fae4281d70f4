import PGClient
/// What the catalogue says about the user's objects, one sorted line per
/// fact: tables and other relations with their replica identity, columns
/// (type, nullability, default), constraints, indexes, types (enum labels
/// included), functions, triggers, publications and their tables (column
/// lists and row filters on PostgreSQL 15+). Equal before and after a
/// rollback proves the rollback undid every schema change.
public struct CatalogFingerprint: Sendable, Equatable {
    public let lines: [String]

    public init(lines: [String]) {
        self.lines = lines.sorted()
    }

    /// FNV-1a over the lines: short enough to print, stable across runs.
    public var digest: String {
        var hash: UInt64 = 0xcbf29ce484222325
        for line in lines {
            for byte in line.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            hash = (hash ^ 0x0A) &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Lines only in `other` ("+ ...") and only in self ("- ...").
    public func differences(to other: CatalogFingerprint) -> [String] {
        let mine = Set(lines), theirs = Set(other.lines)
        return lines.filter { !theirs.contains($0) }.map { "- \($0)" }
            + other.lines.filter { !mine.contains($0) }.map { "+ \($0)" }
    }

    public static func read(on connection: Connection) throws -> CatalogFingerprint {
        // Membership is read from pg_publication_rel/_namespace, as declared:
        // the pg_publication_tables view expands every publication and costs
        // hundreds of milliseconds on each call.
        let modern = connection.serverVersion >= 150000
        let publicationDetails = modern
            ? " || coalesce(' columns ' || pr.prattrs::text, '') || coalesce(' where ' || pg_catalog.pg_get_expr(pr.prqual, pr.prrelid), '')"
            : ""
        let publishedSchemas = modern ? """
            UNION ALL
            SELECT 'publication schema ' || p.pubname || ' ' || n.nspname
            FROM pg_catalog.pg_publication_namespace pn
            JOIN pg_catalog.pg_publication p ON p.oid = pn.pnpubid
            JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid
            """ : ""
        let rows = try connection.execute("""
            SELECT 'schema ' || n.nspname FROM pg_catalog.pg_namespace n WHERE \(userSchemaFilter)
            UNION ALL
            SELECT 'relation ' || n.nspname || '.' || c.relname || ' kind ' || c.relkind::text
                   || ' replica identity ' || c.relreplident::text
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE \(userSchemaFilter)
            UNION ALL
            SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' '
                   || pg_catalog.format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                   || coalesce(' default ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), '')
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND \(userSchemaFilter)
            UNION ALL
            SELECT 'constraint ' || n.nspname || '.' || co.conname || ' on ' || coalesce(rc.relname, ty.typname, '-')
                   || ' ' || pg_catalog.pg_get_constraintdef(co.oid)
            FROM pg_catalog.pg_constraint co
            JOIN pg_catalog.pg_namespace n ON n.oid = co.connamespace
            LEFT JOIN pg_catalog.pg_class rc ON rc.oid = co.conrelid
            LEFT JOIN pg_catalog.pg_type ty ON ty.oid = co.contypid
            WHERE \(userSchemaFilter)
            UNION ALL
            SELECT 'index ' || pg_catalog.pg_get_indexdef(i.indexrelid)
                   || CASE WHEN i.indisvalid THEN '' ELSE ' invalid' END
                   || CASE WHEN i.indisreplident THEN ' replica identity' ELSE '' END
            FROM pg_catalog.pg_index i
            JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE \(userSchemaFilter)
            UNION ALL
            SELECT 'type ' || n.nspname || '.' || t.typname || ' ' || t.typtype::text
                   || coalesce(' (' || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                                        FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) || ')', '')
            FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            WHERE \(userSchemaFilter) AND t.typcategory <> 'A'
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid AND r.relkind <> 'c')
            UNION ALL
            SELECT 'function ' || n.nspname || '.' || p.proname
                   || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE \(userSchemaFilter)
            UNION ALL
            SELECT 'trigger ' || pg_catalog.pg_get_triggerdef(tg.oid)
            FROM pg_catalog.pg_trigger tg WHERE NOT tg.tgisinternal
            UNION ALL
            SELECT 'publication ' || p.pubname || ' all tables ' || p.puballtables::text
                   || ' insert ' || p.pubinsert::text || ' update ' || p.pubupdate::text
                   || ' delete ' || p.pubdelete::text || ' truncate ' || p.pubtruncate::text
            FROM pg_catalog.pg_publication p
            UNION ALL
            SELECT 'publication table ' || p.pubname || ' ' || n.nspname || '.' || c.relname\(publicationDetails)
            FROM pg_catalog.pg_publication_rel pr
            JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid
            JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            \(publishedSchemas)
            """).rows
        return CatalogFingerprint(lines: rows.compactMap { $0[0] })
    }
}

/// Qualified names of the tables some publication on the server publishes:
/// listed by name, in a published schema (PostgreSQL 15+), or all tables.
/// Partitions count through their root (see `RelationDirectory`).
enum PublishedTables {
    static func read(on connection: Connection) throws -> Set<String> {
        let inPublishedSchema = connection.serverVersion >= 150000
            ? "OR EXISTS (SELECT 1 FROM pg_catalog.pg_publication_namespace pn WHERE pn.pnnspid = c.relnamespace)"
            : ""
        return Set(try connection.execute("""
            SELECT n.nspname || '.' || c.relname
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND \(userSchemaFilter)
              AND (EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel pr WHERE pr.prrelid = c.oid)
                   OR EXISTS (SELECT 1 FROM pg_catalog.pg_publication p WHERE p.puballtables)
                   \(inPublishedSchema))
            """).rows.compactMap { $0[0] })
    }
}
