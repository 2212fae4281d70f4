import PGClient
/// The writes an application would go on making on the publisher while a
/// migration is half-applied: per table three INSERTs, one UPDATE and one
/// DELETE, each a statement of its own, plus the probes aimed at what the
/// phase changed on one side only.
struct Traffic {
    static let rowsPerTable = 3

    let connection: Connection
    let phase: Int

    struct Outcome {
        var statements: [ReplicationRehearsalReport.TrafficStatement] = []
        var unfilled: [(table: String, reason: String)] = []
        var problems: [ReplicationRehearsalReport.Problem] = []
        /// Where each probe row landed (`tableoid`, `ctid`), to take it away again.
        var probeRows: [(relation: String, ctid: String)] = []
    }

    /// Ordinary traffic on `shapes` (the publisher's tables), then `probes`.
    /// `deletingEverything` deletes every row it inserted instead of one,
    /// leaving the tables as the seed made them.
    func run(on shapes: [TableShape], probes: [Probe], deletingEverything: Bool = false) -> Outcome {
        var outcome = Outcome()
        for shape in shapes {
            let rows = RowBuilder(shape: shape, phase: phase)
            var inserted = 0
            var firstFailure: String?
            for row in 1...Self.rowsPerTable {
                let (sql, reason) = rows.insert(row: row)
                guard let sql else { firstFailure = reason; break }
                let sent = send(sql, table: shape.name, operation: .insert, purpose: nil, into: &outcome)
                if sent.error == nil { inserted += 1 } else if firstFailure == nil { firstFailure = sent.error }
            }
            if inserted == 0 {
                outcome.unfilled.append((shape.name, firstFailure ?? "no row could be written"))
                continue
            }
            send(rows.update(row: 1), table: shape.name, operation: .update, purpose: nil, into: &outcome)
            for row in (deletingEverything ? 1 : inserted)...inserted {
                send(rows.delete(row: row), table: shape.name, operation: .delete, purpose: nil, into: &outcome)
            }
        }
        for probe in probes {
            let sql = probe.sql + " RETURNING tableoid::regclass::text, ctid::text"
            send(sql, table: probe.table, operation: .probe, purpose: probe.purpose, into: &outcome)
        }
        return outcome
    }

    /// Deletes the probe rows from the publisher: they were sent to test the
    /// subscriber, and must not be what the next phase's statements meet
    /// (a duplicate left behind would fail the publisher's own new UNIQUE index).
    func removeProbeRows(_ rows: [(relation: String, ctid: String)]) {
        for row in rows {
            _ = try? connection.execute("DELETE FROM \(row.relation) WHERE ctid = \(Connection.quoteLiteral(row.ctid))::tid")
        }
    }

    /// Sends one statement; the publisher refusing an UPDATE or DELETE (or
    /// any write for want of a replica identity) is a problem, a row the
    /// traffic could not make valid is not (it stays in the report).
    @discardableResult
    private func send(_ sql: String, table: String, operation: ReplicationRehearsalReport.TrafficStatement.Operation,
                      purpose: String?, into outcome: inout Outcome) -> ReplicationRehearsalReport.TrafficStatement {
        var statement = ReplicationRehearsalReport.TrafficStatement(table: table, operation: operation, purpose: purpose,
                                                                    sql: sql, rows: 0, error: nil)
        do {
            let result = try connection.execute(sql)
            statement.rows = result.rowsAffected ?? 0
            if operation == .probe {
                outcome.probeRows += result.rows.compactMap { row in (row[0] ?? nil).flatMap { relation in (row[1] ?? nil).map { (relation, $0) } } }
            }
        } catch {
            let (message, detail) = SideApplication.describe(error)
            statement.error = message
            let sqlstate: String? = if case PostgresError.server(let server) = error { server.sqlstate } else { nil }
            // 55000: the publication refuses the change (no replica identity).
            // Class 23 (a row of the traffic's own breaking a constraint, a
            // DELETE of a row another table still references) is the
            // traffic's limit, not the publisher's verdict.
            let ownLimit = sqlstate?.hasPrefix("23") ?? false
            if sqlstate == "55000" || ((operation == .update || operation == .delete) && !ownLimit) {
                outcome.problems.append(.init(kind: .publisherError, side: .publisher,
                                              message: "\(operation.rawValue.uppercased()) on \(table) refused by the publisher: \(message)",
                                              detail: detail, logLine: nil, table: table, lines: []))
            }
        }
        outcome.statements.append(statement)
        return statement
    }
}

/// One row aimed at a difference between the sides after a phase.
struct Probe {
    var table: String
    var purpose: String
    var sql: String
}
