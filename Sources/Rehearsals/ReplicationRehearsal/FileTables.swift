import PGClient
import SQLSource

/// The tables each statement of a migration names, as written: what the
/// traffic aims at, and how a problem on a table is tied to file lines.
struct FileTables {
    /// Statement line -> (first line, last line, table names as written).
    let statements: [(line: Int, lastLine: Int, tables: [String])]

    /// `ALTER TYPE ... ADD VALUE` statements: (line, the type as written).
    let enumChanges: [(line: Int, type: String)]

    init(_ document: SQLDocument) {
        enumChanges = document.statements.compactMap { statement in
            statement.node?.alterEnum.map { (statement.location.line, $0.names.joined(separator: ".")) }
        }
        statements = document.statements.compactMap { statement in
            guard let node = statement.node else { return nil }
            var names: [RangeVar] = []
            if let s = node.createTable { names.append(s.relation) }
            if let s = node.alterTable { names.append(s.relation) }
            if let s = node.createIndex { names.append(s.relation) }
            if let s = node.insert { names.append(s.relation) }
            if let s = node.update { names.append(s.relation) }
            if let s = node.delete { names.append(s.relation) }
            if let s = node.truncate { names += s.relations }
            if let s = node.rename?.relation { names.append(s) }
            if let s = node.alterObjectSchema?.relation { names.append(s) }
            var written = names.map(\.qualifiedName)
            if let drop = node.drop { written += drop.objects.map { $0.joined(separator: ".") } }
            guard !written.isEmpty else { return nil }
            let last = document.file.location(of: max(statement.range.lowerBound, statement.range.upperBound - 1)).line
            return (statement.location.line, last, written)
        }
    }

    var allNames: [String] { statements.flatMap(\.tables) }

    /// Lines of the statements that name `table` (`schema.table`), among `applied` lines.
    func lines(naming table: String, among applied: Set<Int>) -> [Int] {
        let bare = table.split(separator: ".").last.map(String.init) ?? table
        return statements.filter { statement in
            applied.contains(statement.line) && statement.tables.contains { $0 == table || $0 == bare || $0.hasSuffix("." + bare) }
        }.map(\.line)
    }

    /// The statement (first line) that contains `line`.
    func statementLine(containing line: Int) -> Int? {
        statements.first { $0.line <= line && line <= $0.lastLine }?.line
    }

    /// Lines of the enum changes a server message names (`invalid input value for enum hbi.host_type`).
    func enumChangeLines(in message: String) -> [Int] {
        enumChanges.filter { message.contains("enum \($0.type)") || message.contains("enum \($0.type.split(separator: ".").last ?? ""):") }
            .map(\.line)
    }

    /// `schema.table` of every table the file names, and of every table with
    /// a column of an enum it changes, as they resolve on `connection`;
    /// partitions resolved to their root as well (a publication may publish via the root).
    func resolve(on connection: Connection) throws -> Set<String> {
        let names = allNames
        let types = enumChanges.map(\.type)
        guard !names.isEmpty || !types.isEmpty else { return [] }
        let literals = (names.isEmpty ? ["NULL"] : names.map(Connection.quoteLiteral)).joined(separator: ", ")
        let typeLiterals = (types.isEmpty ? ["NULL"] : types.map(Connection.quoteLiteral)).joined(separator: ", ")
        let rows = try connection.execute("""
            WITH named(oid) AS (
                SELECT to_regclass(w.name) FROM unnest(ARRAY[\(literals)]::text[]) AS w(name)
                UNION
                SELECT a.attrelid FROM unnest(ARRAY[\(typeLiterals)]::text[]) AS w(name)
                JOIN pg_type ty ON ty.oid = to_regtype(w.name) OR ty.typelem = to_regtype(w.name)
                JOIN pg_attribute a ON a.atttypid = ty.oid AND NOT a.attisdropped
            )
            SELECT n.nspname || '.' || c.relname FROM named r
            JOIN pg_class t ON t.oid = r.oid AND t.relkind IN ('r', 'p')
            CROSS JOIN LATERAL (VALUES (t.oid), (pg_partition_root(t.oid))) AS rel(oid)
            JOIN pg_class c ON c.oid = rel.oid JOIN pg_namespace n ON n.oid = c.relnamespace
            """).rows
        return Set(rows.compactMap { $0[0] ?? nil })
    }
}
