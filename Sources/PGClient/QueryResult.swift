import CLibPQ

/// The outcome of one successful `Connection.execute`, copied out of libpq
/// so it outlives the PGresult. Values are PostgreSQL's text representation.
public struct QueryResult: Equatable, Sendable {
    /// The command tag, e.g. "INSERT 0 3", "CREATE TABLE", "SELECT 2".
    public let commandTag: String
    /// Rows inserted, updated, deleted, selected, moved, fetched or copied;
    /// nil for commands that do not count rows (DDL, SET, ...).
    public let rowsAffected: Int?
    public let columns: [String]
    /// One array per row, one value per column; nil is SQL NULL.
    public let rows: [[String?]]

    public init(commandTag: String, rowsAffected: Int?, columns: [String], rows: [[String?]]) {
        self.commandTag = commandTag
        self.rowsAffected = rowsAffected
        self.columns = columns
        self.rows = rows
    }

    init(result: OpaquePointer) {
        commandTag = String(cString: PQcmdStatus(result))
        rowsAffected = Int(String(cString: PQcmdTuples(result)))
        let columnCount = PQnfields(result)
        columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        rows = (0..<PQntuples(result)).map { row in
            (0..<columnCount).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
    }
}
