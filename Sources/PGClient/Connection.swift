import CLibPQ
import Synchronization

/// One libpq connection, used from one thread at a time; only `cancel()` may
/// be called from another thread (a signal watcher) while `execute` blocks.
// @unchecked: wraps the PGconn* and PGcancel* it creates and frees itself;
// callers serialise everything but cancel(), and `canceller`'s Mutex
// serialises cancel() against close().
public final class Connection: @unchecked Sendable {
    public enum TransactionStatus: Equatable, Sendable {
        case idle
        /// A command is in progress.
        case active
        case inTransaction
        /// Inside a transaction block that has failed: only ROLLBACK works.
        case inFailedTransaction
        /// The connection is bad or closed.
        case unknown
    }

    /// Receives NOTICE/WARNING/INFO messages as they arrive, on the thread
    /// that runs `execute`.
    public var onNotice: ((Notice) -> Void)?

    private var connection: OpaquePointer?
    /// The PGcancel*, behind a mutex: `close()` frees it while `cancel()`
    /// may be using it.
    private let canceller: Mutex<OpaquePointer?>

    /// Connects with a libpq connection string, either `key=value ...` or a
    /// `postgresql://` URI. Errors never contain the password.
    public init(conninfo: String) throws {
        let connection = PQconnectdb(conninfo)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(connection)
            throw PostgresError.connection(
                PasswordRedaction.redact(message.trimmingTrailingWhitespace(), conninfo: conninfo))
        }
        self.connection = connection
        // Text in and out is Swift strings, and server positions count
        // characters of what we sent: both hold only in UTF-8.
        PQsetClientEncoding(connection, "UTF8")
        // A separate object that shares nothing with the PGconn (libpq's
        // docs: cancel from any thread), so the Mutex may take it over,
        // which region checking cannot see through a C call.
        nonisolated(unsafe) let cancel = PQgetCancel(connection)
        canceller = Mutex(cancel)
        PQsetNoticeReceiver(connection, { context, result in
            guard let context, let result else { return }
            let owner = Unmanaged<Connection>.fromOpaque(context).takeUnretainedValue()
            owner.onNotice?(Notice(result: result))
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        close()
    }

    /// Runs `sql` with the simple query protocol. Several statements are
    /// allowed; the result is the last one's. A server error throws
    /// `PostgresError.server`.
    @discardableResult
    public func execute(_ sql: String) throws -> QueryResult {
        guard let connection else { throw PostgresError.connection("the connection is closed") }
        guard let result = PQexec(connection, sql) else {
            throw PostgresError.lost(lastErrorMessage(connection))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return QueryResult(result: result)
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR:
            if PQstatus(connection) == CONNECTION_BAD, DiagnosticFields(result)[.sqlstate] == nil {
                throw PostgresError.lost(lastErrorMessage(connection))
            }
            throw PostgresError.server(ServerError(result: result, fallbackMessage: lastErrorMessage(connection)))
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            abandonCopy(connection)
            throw PostgresError.unsupported("COPY to or from the client is not supported by execute()")
        default:
            throw PostgresError.unsupported(
                "unexpected result \(String(cString: PQresStatus(PQresultStatus(result)))): \(lastErrorMessage(connection))")
        }
    }

    /// Asks the server to cancel the statement now running. Safe to call from
    /// any thread at any time; a no-op when nothing runs. The statement then
    /// fails with SQLSTATE 57014 on its own thread.
    public func cancel() throws {
        try canceller.withLock { canceller in
            guard let canceller else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            if PQcancel(canceller, &buffer, Int32(buffer.count)) == 0 {
                throw PostgresError.connection("cannot send a cancel request: \(String(cString: buffer))")
            }
        }
    }

    public var transactionStatus: TransactionStatus {
        guard let connection else { return .unknown }
        switch PQtransactionStatus(connection) {
        case PQTRANS_IDLE: return .idle
        case PQTRANS_ACTIVE: return .active
        case PQTRANS_INTRANS: return .inTransaction
        case PQTRANS_INERROR: return .inFailedTransaction
        default: return .unknown
        }
    }

    /// The server's version as libpq reports it, e.g. 150018 for 15.18.
    public var serverVersion: Int {
        connection.map { Int(PQserverVersion($0)) } ?? 0
    }

    /// Closes the connection; idempotent.
    public func close() {
        canceller.withLock { canceller in
            if let canceller { PQfreeCancel(canceller) }
            canceller = nil
        }
        if let connection { PQfinish(connection) }
        connection = nil
    }

    private func lastErrorMessage(_ connection: OpaquePointer) -> String {
        String(cString: PQerrorMessage(connection)).trimmingTrailingWhitespace()
    }

    /// Ends a COPY the server started so the connection stays usable.
    private func abandonCopy(_ connection: OpaquePointer) {
        PQputCopyEnd(connection, "COPY is not supported here")
        var buffer: UnsafeMutablePointer<CChar>?
        while PQgetCopyData(connection, &buffer, 0) > 0 { PQfreemem(buffer) }
        while let pending = PQgetResult(connection) { PQclear(pending) }
    }
}

extension String {
    package func trimmingTrailingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
