import PGClient
import SQLSource
/// A table as one side's live catalogue describes it: what the traffic needs
/// to write a valid row, and what the probes compare between the sides.
struct TableShape: Sendable, Equatable {
    struct Column: Sendable, Equatable {
        var name: String
        /// `format_type`: `character varying(36)`, `hbi.host_type`, `jsonb[]`.
        var type: String
        var notNull: Bool
        var hasDefault: Bool
        /// Identity, serial (a nextval default) or generated: never written.
        var writtenByServer: Bool
        var defaultExpression: String?
        /// The type under a domain, for choosing a value.
        var baseType: String
        var category: String
        var isEnum: Bool
        var enumLabels: [String]
        /// Characters allowed by varchar(n)/char(n); nil when unbounded.
        var maxLength: Int?
        /// The element type of an array, formatted.
        var elementType: String?
        var elementIsEnum: Bool
        var elementLabels: [String]
    }

    struct ForeignKey: Sendable, Equatable {
        var columns: [String]
        var referencedTable: String
        var referencedColumns: [String]
    }

    /// A list or range partition of this table, with a key value routed into it.
    struct Partition: Sendable, Equatable {
        var name: String
        var keyColumn: String
        /// A literal of the partition's bound (the first listed value, or the lower bound).
        var keyValue: String
    }

    var name: String
    var columns: [Column]
    /// Columns of every unique index (expression indexes included) and the primary key.
    var uniqueColumnSets: [[String]]
    var primaryKey: [String]
    var replicaIdentity: [String]
    var foreignKeys: [ForeignKey]
    /// Partitions a row can be aimed at (hash partitions cannot, simply).
    var partitions: [Partition] = []

    func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The shape with the other side's unique column sets added: ordinary
    /// traffic must not write duplicates the other side (or this one, once
    /// the file reaches it) refuses.
    func keepingUnique(_ sets: [[String]]) -> TableShape {
        var shape = self
        shape.uniqueColumnSets += sets.filter { $0.allSatisfy { column($0) != nil } }
        return shape
    }

    /// Reads `table` (`schema.table`) on `connection`; nil when it does not exist there.
    static func read(_ table: String, on connection: Connection) throws -> TableShape? {
        let relation = Connection.quoteLiteral(PairPreparation.quoteQualified(table))
        guard try connection.execute("SELECT to_regclass(\(relation)) IS NOT NULL").rows.first?[0] == "t" else { return nil }
        let separator = "E'\\x1f'"
        let columns = try connection.execute("""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef,
                   a.attidentity <> '' OR a.attgenerated <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%',
                   pg_get_expr(d.adbin, d.adrelid), b.typname, b.typcategory, b.typtype = 'e',
                   (SELECT string_agg(e.enumlabel, \(separator) ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = b.oid),
                   CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END,
                   CASE WHEN b.typelem <> 0 AND b.typcategory = 'A' THEN format_type(b.typelem, NULL) END,
                   coalesce(el.typtype = 'e', false),
                   (SELECT string_agg(e.enumlabel, \(separator) ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = el.oid)
            FROM pg_attribute a
            JOIN pg_type t ON t.oid = a.atttypid
            JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
            LEFT JOIN pg_type el ON el.oid = b.typelem AND b.typcategory = 'A'
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = \(relation)::regclass AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """).rows.map { row in
            let typmod = Int(row[10] ?? "") ?? -1
            let base = row[6] ?? ""
            return Column(name: row[0] ?? "", type: row[1] ?? "", notNull: row[2] == "t", hasDefault: row[3] == "t",
                          writtenByServer: row[4] == "t", defaultExpression: row[5] ?? nil, baseType: base,
                          category: row[7] ?? "", isEnum: row[8] == "t", enumLabels: labels(row[9] ?? nil),
                          maxLength: (base == "varchar" || base == "bpchar") && typmod > 4 ? typmod - 4 : nil,
                          elementType: row[11] ?? nil, elementIsEnum: row[12] == "t", elementLabels: labels(row[13] ?? nil))
        }
        let indexes = try connection.execute("""
            SELECT i.indisprimary, i.indisreplident,
                   (SELECT string_agg(a.attname, \(separator) ORDER BY a.attnum) FROM pg_attribute a
                    WHERE a.attrelid = i.indrelid AND (a.attnum = ANY(i.indkey) OR a.attnum IN (
                        SELECT dep.refobjsubid FROM pg_depend dep
                        WHERE dep.classid = 'pg_class'::regclass AND dep.objid = i.indexrelid AND dep.refobjid = i.indrelid)))
            FROM pg_index i WHERE i.indrelid = \(relation)::regclass AND i.indisunique AND i.indpred IS NULL
            """).rows
        let foreignKeys = try connection.execute("""
            SELECT c.confrelid::regclass::text,
                   (SELECT string_agg(a.attname, \(separator) ORDER BY k.o) FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
                   (SELECT string_agg(a.attname, \(separator) ORDER BY k.o) FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n)
            FROM pg_constraint c WHERE c.conrelid = \(relation)::regclass AND c.contype = 'f' ORDER BY c.conname
            """).rows.map { ForeignKey(columns: labels($0[1] ?? nil), referencedTable: $0[0] ?? "", referencedColumns: labels($0[2] ?? nil)) }
        let uniqueSets = indexes.map { labels($0[2] ?? nil) }
        let primaryKey = indexes.first { $0[0] == "t" }.map { labels($0[2] ?? nil) } ?? []
        let identity = indexes.first { $0[1] == "t" }.map { labels($0[2] ?? nil) } ?? primaryKey
        return TableShape(name: table, columns: columns, uniqueColumnSets: uniqueSets, primaryKey: primaryKey,
                          replicaIdentity: identity, foreignKeys: foreignKeys,
                          partitions: try partitions(of: relation, on: connection))
    }

    /// Single-column list and range partitions, with a value from each bound.
    private static func partitions(of relation: String, on connection: Connection) throws -> [Partition] {
        try connection.execute("""
            SELECT c.oid::regclass::text, a.attname, pg_get_expr(c.relpartbound, c.oid)
            FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid
            JOIN pg_partitioned_table pt ON pt.partrelid = i.inhparent
            JOIN pg_attribute a ON a.attrelid = i.inhparent AND a.attnum = pt.partattrs[0]
            WHERE i.inhparent = \(relation)::regclass AND pt.partnatts = 1 AND pt.partstrat IN ('l', 'r')
            ORDER BY 1
            """).rows.compactMap { row in
            guard let name = row[0], let key = row[1], let bound = row[2], let value = firstBoundValue(bound) else { return nil }
            return Partition(name: name, keyColumn: key, keyValue: value)
        }
    }

    /// `FOR VALUES IN ('a', 'b')` gives `'a'`; `FOR VALUES FROM (10) TO (20)` gives `10`.
    static func firstBoundValue(_ bound: String) -> String? {
        guard let open = bound.firstIndex(of: "(") else { return nil }
        var value = ""
        var quoted = false
        for ch in bound[bound.index(after: open)...] {
            if ch == "'" { quoted.toggle() }
            if !quoted && (ch == "," || ch == ")") { break }
            value.append(ch)
        }
        let trimmed = value.trimmed(of: " ")
        return trimmed.isEmpty || trimmed == "MINVALUE" || trimmed == "MAXVALUE" ? nil : trimmed
    }

    private static func labels(_ joined: String?) -> [String] {
        joined.map { $0.split(separator: "\u{1f}", omittingEmptySubsequences: false).map(String.init) } ?? []
    }
}
