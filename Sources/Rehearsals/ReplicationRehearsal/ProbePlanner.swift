import PGClient
/// Ordinary rows miss most hazards of a half-applied migration: a table the
/// subscriber just made stricter accepts the publisher's usual rows until one
/// row is unusual. The planner compares one table on both sides and aims a
/// row at each difference the subscriber would treat differently.
struct ProbePlanner {
    let publisher: TableShape
    let subscriber: TableShape
    let phase: Int

    func probes() -> [Probe] {
        let rows = RowBuilder(shape: publisher, phase: phase)
        var probes: [Probe] = []
        var row = 10
        func add(_ purpose: String, _ overrides: [String: String]) {
            row += 1
            if let sql = rows.insert(row: row, overrides: overrides).sql {
                probes.append(Probe(table: publisher.name, purpose: purpose, sql: sql))
            }
        }
        for column in rows.writtenColumns {
            guard let theirs = subscriber.column(column.name) else {
                if let value = rows.generator(row: row + 1).value(for: column) {
                    add("a value in \(column.name), a column the subscriber does not have", [column.name: value])
                }
                continue
            }
            if theirs.notNull && !column.notNull {
                add("NULL in \(column.name), NOT NULL on the subscriber only", [column.name: "NULL"])
            }
            if let limit = theirs.maxLength, column.maxLength.map({ $0 > limit }) ?? true, column.category == "S" {
                add("a value of \(limit + 1) characters in \(column.name), \(theirs.type) on the subscriber",
                    [column.name: rows.generator(row: row).text(ofLength: limit + 1, type: column.type)])
            }
            if column.isEnum, let label = column.enumLabels.last(where: { !theirs.enumLabels.contains($0) }) {
                add("the label '\(label)' of \(column.type) in \(column.name), unknown on the subscriber",
                    [column.name: "(\(Connection.quoteLiteral(label)))::\(column.type)"])
            }
        }
        for column in subscriber.columns where publisher.column(column.name) == nil && column.notNull && !column.hasDefault {
            add("a row without \(column.name), which the subscriber requires (NOT NULL, no default)", [:])
        }
        let publisherSets = Set(publisher.uniqueColumnSets.map { Set($0) })
        for set in subscriber.uniqueColumnSets where !publisherSets.contains(Set(set))
            && set.allSatisfy({ publisher.column($0) != nil }) {
            // The columns keep the cloned row's values: a duplicate there.
            let duplicate = Dictionary(uniqueKeysWithValues: set.map { ($0, "src.\(Connection.quoteIdentifier($0))") })
            add("a duplicate of an existing (\(set.joined(separator: ", "))), UNIQUE on the subscriber only", duplicate)
        }
        // A partition one side has and the other has not (new, attached or detached): a row routed into it.
        let theirPartitions = Set(subscriber.partitions.map(\.name))
        for partition in publisher.partitions where !theirPartitions.contains(partition.name) {
            add("a row for partition \(partition.name) (\(partition.keyColumn) = \(partition.keyValue)), which the subscriber does not have", [partition.keyColumn: partition.keyValue])
        }
        let ourPartitions = Set(publisher.partitions.map(\.name))
        for partition in subscriber.partitions where !ourPartitions.contains(partition.name) {
            add("a row for partition \(partition.name) (\(partition.keyColumn) = \(partition.keyValue)), which only the subscriber has", [partition.keyColumn: partition.keyValue])
        }
        return probes
    }

    /// Columns the phase added on the publisher that its publication's
    /// column list leaves out: written there, never replicated.
    static func unreplicatedColumns(before: TableShape?, after: TableShape, publishedColumns: [String]?) -> [String] {
        guard let published = publishedColumns, let before else { return [] }
        return after.columns.map(\.name).filter { before.column($0) == nil && !published.contains($0) }
    }
}
