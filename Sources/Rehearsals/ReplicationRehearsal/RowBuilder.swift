import PGClient
/// Builds the SQL of the traffic's rows for one table as the publisher's
/// live catalogue describes it. A new row clones an existing one (so CHECKs
/// and triggers meet realistic values), with fresh values in every column of
/// a unique index, foreign keys pointing at existing referenced rows, and
/// values made from the type where the table has no row to clone.
struct RowBuilder {
    let shape: TableShape
    /// Phase number: rows of different phases never collide.
    let phase: Int

    var table: String { PairPreparation.quoteQualified(shape.name) }

    /// Columns the traffic writes: not identity, serial or generated.
    var writtenColumns: [TableShape.Column] { shape.columns.filter { !$0.writtenByServer } }

    private var keyColumns: Set<String> { Set(shape.uniqueColumnSets.joined()) }

    func generator(row: Int) -> ValueGenerator {
        ValueGenerator(seed: phase * 100 + row, salt: shape.name)
    }

    /// The expression for `column` in row `row`, reading a cloned row as `src`.
    func expression(for column: TableShape.Column, row: Int) -> String? {
        if let key = shape.foreignKeys.first(where: { $0.columns.contains(column.name) }),
           let index = key.columns.firstIndex(of: column.name) {
            return referencedValue(key, column: key.referencedColumns[index], row: row)
        }
        let generated = generator(row: row).value(for: column) ?? column.defaultExpression
        if keyColumns.contains(column.name) { return generated }
        let cloned = "src.\(Connection.quoteIdentifier(column.name))"
        return generated.map { "COALESCE(\(cloned), \($0))" } ?? cloned
    }

    /// An existing referenced key, a different one per row where there are several.
    private func referencedValue(_ key: TableShape.ForeignKey, column: String, row: Int) -> String {
        let referenced = PairPreparation.quoteQualified(key.referencedTable)
        let order = key.referencedColumns.map { "r." + Connection.quoteIdentifier($0) }.joined(separator: ", ")
        return "(SELECT r.\(Connection.quoteIdentifier(column)) FROM \(referenced) r ORDER BY \(order) "
            + "OFFSET \(row) % greatest(1, (SELECT count(*) FROM \(referenced))) LIMIT 1)"
    }

    /// `INSERT ... SELECT` of one row; `overrides` replaces a column's expression (probes).
    /// Nil with the reason when a column has no possible value.
    func insert(row: Int, overrides: [String: String] = [:]) -> (sql: String?, reason: String?) {
        var names: [String] = []
        var values: [String] = []
        for column in writtenColumns {
            guard let value = overrides[column.name] ?? expression(for: column, row: row) else {
                return (nil, "no value for column \(column.name) of type \(column.type)")
            }
            names.append(Connection.quoteIdentifier(column.name))
            values.append(value)
        }
        guard !names.isEmpty else { return ("INSERT INTO \(table) DEFAULT VALUES", nil) }
        return ("INSERT INTO \(table) (\(names.joined(separator: ", "))) SELECT \(values.joined(separator: ", ")) "
                + "FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT * FROM \(table) LIMIT 1) AS src ON true", nil)
    }

    /// The row `row` inserted, found by its replica identity (or primary key).
    func rowCondition(row: Int) -> String {
        let key = shape.replicaIdentity.isEmpty ? shape.primaryKey : shape.replicaIdentity
        let parts = key.compactMap { name -> String? in
            guard let column = shape.column(name), let value = identityValue(column, row: row) else { return nil }
            return "\(Connection.quoteIdentifier(name)) = \(value)"
        }
        guard !parts.isEmpty, parts.count == key.count else {
            return "ctid = (SELECT ctid FROM \(table) ORDER BY ctid DESC LIMIT 1)"
        }
        return parts.joined(separator: " AND ")
    }

    private func identityValue(_ column: TableShape.Column, row: Int) -> String? {
        if column.writtenByServer { return nil }
        let value = expression(for: column, row: row)
        return value?.hasPrefix("COALESCE(src.") == true ? nil : value
    }

    /// Sets the first ordinary column to a new value; a key column to itself
    /// when there is none (the UPDATE is published all the same).
    func update(row: Int) -> String {
        let keys = keyColumns
        let fkColumns = Set(shape.foreignKeys.flatMap(\.columns))
        let target = writtenColumns.first { !keys.contains($0.name) && !fkColumns.contains($0.name)
            && generator(row: 50).value(for: $0) != nil }
        let assignment = target.map { "\(Connection.quoteIdentifier($0.name)) = \(generator(row: 50 + row).value(for: $0)!)" }
            ?? shape.columns.first.map { "\(Connection.quoteIdentifier($0.name)) = \(Connection.quoteIdentifier($0.name))" } ?? ""
        return "UPDATE \(table) SET \(assignment) WHERE \(rowCondition(row: row))"
    }

    func delete(row: Int) -> String {
        "DELETE FROM \(table) WHERE \(rowCondition(row: row))"
    }
}
