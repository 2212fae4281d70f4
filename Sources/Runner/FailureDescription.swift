import PGClient
import SQLSource

/// A failed statement in the words a person fixing the file needs: the
/// server's message, where in the file the server pointed, and, for the
/// failures a migration meets most, what to do next.
struct FailureDescription {
    let text: String
    let fields: [RunLog.Field]

    init(_ error: PostgresError?, statement: Statement?, file: SourceFile, lockTimeout: String) {
        guard let error else {
            text = "no error detail"
            fields = []
            return
        }
        guard case .server(let server) = error else {
            text = error.description
            fields = []
            return
        }
        var parts = ["\(server.message) (SQLSTATE \(server.sqlstate))"]
        var fields = [RunLog.Field("sqlstate", .string(server.sqlstate)), RunLog.Field("error", .string(server.message))]
        if let statement, let position = server.position,
           let location = statement.fileLocation(ofServerPosition: position, in: file) {
            parts.append("at \(file.path):\(location.line):\(location.column)")
            fields.append(RunLog.Field("error_line", .int(location.line)))
            fields.append(RunLog.Field("error_column", .int(location.column)))
        } else if let statement {
            parts.append("in the statement at \(file.path):\(statement.location)")
        }
        if let statement { parts.append("`\(statement.head)`") }
        if let detail = server.detail {
            parts.append("DETAIL: \(detail)")
            fields.append(RunLog.Field("detail", .string(detail)))
        }
        if let hint = server.hint {
            parts.append("HINT: \(hint)")
            fields.append(RunLog.Field("hint", .string(hint)))
        }
        if let advice = Self.advice(for: server.sqlstate, lockTimeout: lockTimeout) {
            parts.append(advice)
        }
        text = parts.joined(separator: "; ")
        self.fields = fields
    }

    static func advice(for sqlstate: String, lockTimeout: String) -> String? {
        switch sqlstate {
        case "55P03":
            return "another session holds a conflicting lock; the run gave up after lock_timeout (\(lockTimeout)) "
                + "instead of queueing behind it and blocking every query on the table. Run again when the table is quieter, "
                + "or find the blocker with pg_blocking_pids()"
        case "57014":
            return "the statement ran longer than statement_timeout allows (--statement-timeout)"
        case "40P01":
            return "deadlock with another session: run again"
        default:
            return nil
        }
    }
}

/// Result rows of a SELECT (or RETURNING), printed as the seed's runner
/// did: one line per row, as JSON objects in the JSON log.
struct ResultRows {
    let result: QueryResult
    let line: Int
    let log: RunLog
    /// A log is not a data export: a huge SELECT must not flood the job log.
    static let limit = 1000

    func write() {
        guard !result.columns.isEmpty else { return }
        for (index, row) in result.rows.prefix(Self.limit).enumerated() {
            let pairs = zip(result.columns, row)
            let text = pairs.map { "\($0)=\($1 ?? "NULL")" }.joined(separator: ", ")
            log.record(.info, "row", "line \(line): row \(index + 1): \(text)",
                       [RunLog.Field("line", .int(line)), RunLog.Field("row", .object(pairs.map { RunLog.Field($0, $1.map { .string($0) } ?? .null) }))])
        }
        if result.rows.count > Self.limit {
            log.record(.info, "rows-omitted", "line \(line): \(result.rows.count - Self.limit) more row(s) not printed",
                       [RunLog.Field("line", .int(line)), RunLog.Field("omitted", .int(result.rows.count - Self.limit))])
        }
    }
}
