import PGClient
import PGServers
/// Compares one replicated table on both sides: the rows the row filter
/// admits, keyed by replica identity (or primary key), over the columns the
/// publication publishes and both sides have.
struct Divergence {
    let pair: ReplicationPair

    func compare(_ table: PublishedTable) throws -> ReplicationRehearsalReport.TableComparison? {
        let relation = PairPreparation.quoteQualified(table.name)
        guard let publisher = try TableShape.read(table.name, on: pair.connection(.publisher)) else { return nil }
        var comparison = ReplicationRehearsalReport.TableComparison(
            table: table.name, publisherRows: 0, subscriberRows: 0, publisherHash: "", subscriberHash: "", columns: [])
        guard let subscriber = try TableShape.read(table.name, on: pair.connection(.subscriber)) else {
            comparison.publisherRows = try rows(relation, key: publisher.primaryKey, columns: [], filter: table.rowFilter, on: .publisher).count
            comparison.note = "missing on the subscriber"
            comparison.subscriberHash = "-"
            return comparison
        }
        let published = table.columns ?? publisher.columns.map(\.name)
        let columns = published.filter { subscriber.column($0) != nil }
        let identity = publisher.replicaIdentity.isEmpty ? publisher.primaryKey : publisher.replicaIdentity
        let key = identity.allSatisfy(columns.contains) && !identity.isEmpty ? identity : columns
        comparison.columns = columns
        let mine = try rows(relation, key: key, columns: columns, filter: table.rowFilter, on: .publisher)
        let theirs = try rows(relation, key: key, columns: columns, filter: table.rowFilter, on: .subscriber)
        comparison.publisherRows = mine.count
        comparison.subscriberRows = theirs.count
        comparison.publisherHash = Self.hash(mine)
        comparison.subscriberHash = Self.hash(theirs)
        if !comparison.equal {
            let limit = min(mine.count, theirs.count)
            let index = (0..<limit).first { mine[$0] != theirs[$0] } ?? limit
            let differing = index < mine.count ? mine[index] : theirs[index]
            comparison.firstDifferingKey = differing.key
        }
        if published.count != columns.count {
            comparison.note = "compared without \(published.filter { !columns.contains($0) }.joined(separator: ", ")): not on the subscriber"
        }
        return comparison
    }

    private struct Row: Equatable {
        let key: String
        let text: String
    }

    /// Rows as (key, row) text, sorted by key. The row filter is applied on
    /// the subscriber too when it can be (its columns may be missing there).
    private func rows(_ relation: String, key: [String], columns: [String], filter: String?,
                      on side: ReplicationPair.Side) throws -> [Row] {
        let keyText = key.isEmpty ? "''" : "ROW(\(key.map(Connection.quoteIdentifier).joined(separator: ", ")))::text"
        let rowText = columns.isEmpty ? "''" : "ROW(\(columns.map(Connection.quoteIdentifier).joined(separator: ", ")))::text"
        let base = "SELECT \(keyText), \(rowText) FROM \(relation)"
        let query = { (condition: String?) in base + (condition.map { " WHERE \($0)" } ?? "") + " ORDER BY 1, 2" }
        let result: [[String?]]
        if let filter {
            do {
                result = try pair.rows(on: side, sql: query(filter))
            } catch {
                result = try pair.rows(on: side, sql: query(nil))
            }
        } else {
            result = try pair.rows(on: side, sql: query(nil))
        }
        return result.map { Row(key: ($0[0] ?? nil) ?? "NULL", text: ($0[1] ?? nil) ?? "NULL") }
    }

    /// FNV-1a over every row, in key order: equal tables hash equal.
    private static func hash(_ rows: [Row]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for row in rows {
            for byte in row.key.utf8 + [0] + row.text.utf8 + [10] {
                value ^= UInt64(byte)
                value = value &* 0x100_0000_01b3
            }
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
