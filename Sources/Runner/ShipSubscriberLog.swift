import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The subscriber's server log, where an apply worker writes why it failed
/// (`pg_stat_subscription_stats` only counts, in PostgreSQL 15). Read from
/// `--subscriber-log FILE`, else through the server (`pg_current_logfile()`
/// and `pg_read_file`, which a superuser or `pg_read_server_files` member
/// may use, when the logging collector runs); otherwise the report says
/// where to look instead.
struct SubscriberLog {
    enum Source {
        case file(String)
        /// A path relative to the subscriber's data directory.
        case server(String)
        case unreadable(String)
    }

    /// Where a phase began in the log.
    struct Mark {
        let path: String?
        let offset: Int
    }

    let source: Source
    private let connection: Connection

    init(flag: String?, subscriber: Connection) {
        connection = subscriber
        if let flag {
            source = Self.fileSize(flag) != nil ? .file(flag) : .unreadable("--subscriber-log \(flag) cannot be read")
            return
        }
        do {
            if let path = try subscriber.execute("SELECT pg_current_logfile()").rows.first?[0] ?? nil {
                _ = try subscriber.execute("SELECT size FROM pg_stat_file(\(Connection.quoteLiteral(path)))")
                source = .server(path)
            } else {
                source = .unreadable("the subscriber writes no log file of its own (logging_collector is off)")
            }
        } catch PostgresError.server(let error) {
            source = .unreadable("the subscriber did not let replint read its log: \(error.message)")
        } catch {
            source = .unreadable("the subscriber's log could not be read: \(error)")
        }
    }

    /// For the report: where the words came from, or where to find them.
    var description: String {
        switch source {
        case .file(let path): "read from \(path)"
        case .server(let path): "read through the server from \(path) in its data directory"
        case .unreadable(let reason):
            "not read (\(reason)); PostgreSQL's own words are in the subscriber's server log: the file "
                + "`SELECT pg_current_logfile();` names, or your platform's log view (RDS: the postgresql.log files); "
                + "pass --subscriber-log FILE when it is readable here"
        }
    }

    func mark() -> Mark {
        switch source {
        case .file(let path): Mark(path: path, offset: Self.fileSize(path) ?? 0)
        case .server(let path): Mark(path: path, offset: serverSize(path) ?? 0)
        case .unreadable: Mark(path: nil, offset: 0)
        }
    }

    /// The replication workers' errors logged after `mark`, oldest first.
    func applyErrors(since mark: Mark) -> [LoggedApplyError] {
        LoggedApplyError.parse(text(since: mark))
    }

    private func text(since mark: Mark) -> String {
        switch source {
        case .file(let path):
            return Self.read(path, from: mark.offset)
        case .server:
            // The collector may have rotated to a new file since the mark.
            guard let markedPath = mark.path else { return "" }
            var text = serverRead(markedPath, from: mark.offset)
            if let current = try? connection.execute("SELECT pg_current_logfile()").rows.first?[0] ?? nil, current != markedPath {
                text += serverRead(current, from: 0)
            }
            return text
        case .unreadable:
            return ""
        }
    }

    private func serverSize(_ path: String) -> Int? {
        (try? connection.execute("SELECT size FROM pg_stat_file(\(Connection.quoteLiteral(path)))").rows.first?[0]).flatMap { $0 }.flatMap { Int($0) }
    }

    private func serverRead(_ path: String, from offset: Int) -> String {
        guard let size = serverSize(path), size > offset else { return "" }
        let sql = "SELECT pg_read_file(\(Connection.quoteLiteral(path)), \(offset), \(size - offset))"
        return ((try? connection.execute(sql).rows.first?[0]) ?? nil) ?? ""
    }

    private static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, access(path, R_OK) == 0 else { return nil }
        return Int(info.st_size)
    }

    private static func read(_ path: String, from offset: Int) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        guard fseek(file, offset, SEEK_SET) == 0 else { return "" }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// An ERROR a replication worker logged, with the DETAIL and CONTEXT lines
/// after it. The line prefix is the server's own (`log_line_prefix`), so a
/// line is recognised by its severity word; an error counts as the
/// replication's when it or its context names logical replication or a
/// replication origin (every apply worker error carries that context).
struct LoggedApplyError: Sendable, Equatable {
    var message: String
    var detail: String?
    var context: String?

    /// The error in one line, as the report quotes it.
    var quoted: String {
        message + (detail.map { " DETAIL: \($0)" } ?? "") + (context.map { " CONTEXT: \($0)" } ?? "")
    }

    static func parse(_ log: String) -> [LoggedApplyError] {
        var errors: [LoggedApplyError] = []
        var open: LoggedApplyError?
        var field: WritableKeyPath<LoggedApplyError, String?>?
        func close() {
            if let error = open, error.isReplication { errors.append(error) }
            open = nil
            field = nil
        }
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == "\t" {
                if let key = field, var error = open {
                    error[keyPath: key] = (error[keyPath: key] ?? "") + " " + line.dropFirst()
                    open = error
                }
                continue
            }
            if let text = line.text(after: "ERROR:  ") {
                close()
                open = LoggedApplyError(message: text)
            } else if open != nil, let text = line.text(after: "DETAIL:  ") {
                open?.detail = text
                field = \.detail
            } else if open != nil, let text = line.text(after: "CONTEXT:  ") {
                open?.context = text
                field = \.context
            } else if open != nil, line.text(after: "HINT:  ") != nil || line.text(after: "STATEMENT:  ") != nil {
                field = nil
            } else {
                close()
            }
        }
        close()
        return errors
    }

    private var isReplication: Bool {
        let text = message + " " + (context ?? "")
        return text.contains("logical replication") || text.contains("replication origin")
    }

    /// Each distinct message once, in the order first seen.
    static func distinct(_ errors: [LoggedApplyError]) -> [LoggedApplyError] {
        var seen = Set<String>()
        return errors.filter { seen.insert($0.message).inserted }
    }
}

private extension Substring {
    func text(after marker: String) -> String? {
        firstRange(of: marker).map { String(self[$0.upperBound...]) }
    }
}
