import PGClient
/// A session-level advisory lock keyed on the resolved file and its content
/// (`MigrationFile.lockKey`), so that two jobs
/// started for the same migration (a re-run, a double click) never apply it
/// at once. The first key namespaces replint's locks away from the
/// application's own advisory locks.
struct MigrationLock: CustomStringConvertible {
    enum Acquisition {
        case acquired
        /// Who holds it, when the server says.
        case heldElsewhere(String?)
        case failed(PostgresError?)
    }

    let key: String

    init(file: MigrationFile) { key = file.lockKey }

    private var keys: String {
        "hashtext('replint run'), hashtext(\(Connection.quoteLiteral(key)))"
    }

    var description: String { "pg_advisory_lock(\(keys))" }

    /// Never waits: a second run fails at once rather than queueing.
    func acquire(on connection: Connection) -> Acquisition {
        do {
            let result = try connection.execute("SELECT pg_try_advisory_lock(\(keys))")
            if result.rows.first?.first == "t" { return .acquired }
            return .heldElsewhere(holder(on: connection))
        } catch {
            return .failed(error as? PostgresError)
        }
    }

    func release(on connection: Connection) {
        _ = try? connection.execute("SELECT pg_advisory_unlock(\(keys))")
    }

    /// pg_locks shows a two-key advisory lock's keys as classid/objid (oids).
    private func holder(on connection: Connection) -> String? {
        let query = """
            SELECT a.pid, coalesce(nullif(a.application_name, ''), 'no application name'), \
            coalesce(a.client_addr::text, 'local socket'), to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ') \
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid \
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 \
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) \
            AND l.classid = hashtext('replint run')::oid AND l.objid = hashtext(\(Connection.quoteLiteral(key)))::oid
            """
        guard let row = try? connection.execute(query).rows.first, row.count == 4 else { return nil }
        return "held by server process \(row[0] ?? "?") (\(row[1] ?? "?"), from \(row[2] ?? "?"), connected since \(row[3] ?? "?"))"
    }
}
