import PGClient
/// An ERROR that a logical replication worker (apply or table
/// synchronisation) wrote to the subscriber's server log: PostgreSQL's own
/// text, e.g. `logical replication target relation "public.t" is missing
/// replicated column: "c"`.
public struct ApplyError: Sendable, Equatable {
    public var message: String
    /// The DETAIL line that followed, e.g. `Key (display_name)=(one) already exists.`
    public var detail: String?
    public var hint: String?
    /// The CONTEXT line that followed, e.g. `processing remote data for
    /// replication origin "pg_16390" during message type "INSERT" in
    /// transaction 730, finished at 0/1980A00`: the LSN that `ALTER
    /// SUBSCRIPTION ... SKIP` needs.
    public var context: String?
    /// The backend type as logged: "logical replication worker" in
    /// PostgreSQL 15 and 16, "logical replication apply worker" or
    /// "... tablesync worker" from 17 on.
    public var backendType: String
    /// The ERROR line, prefix included.
    public var line: String

    public init(message: String, detail: String? = nil, hint: String? = nil, context: String? = nil,
                backendType: String, line: String) {
        self.message = message
        self.detail = detail
        self.hint = hint
        self.context = context
        self.backendType = backendType
        self.line = line
    }
}

/// What the subscriber says went wrong in replication.
public struct ApplyErrors: Sendable, Equatable {
    /// `pg_stat_subscription_stats.apply_error_count`: every failed attempt
    /// counts, and a stuck worker retries (and fails) again and again.
    public let applyErrorCount: Int
    /// `pg_stat_subscription_stats.sync_error_count` (initial table copies).
    public let syncErrorCount: Int
    /// The errors in the log, oldest first, repeats included.
    public let errors: [ApplyError]

    public init(applyErrorCount: Int, syncErrorCount: Int, errors: [ApplyError]) {
        self.applyErrorCount = applyErrorCount
        self.syncErrorCount = syncErrorCount
        self.errors = errors
    }

    /// Each distinct message once, in the order first seen.
    public var distinctMessages: [String] {
        var seen = Set<String>()
        return errors.map(\.message).filter { seen.insert($0).inserted }
    }
}

/// A place in the subscriber's log, so that a caller can ask for the errors
/// logged after it (one phase of a rehearsal, one wait).
public struct LogMark: Sendable, Equatable {
    /// UTF-8 bytes of the log before the mark.
    let offset: Int

    public static let beginning = LogMark(offset: 0)
}

extension ReplicationPair {
    /// The end of the subscriber's log now.
    public func subscriberLogMark() -> LogMark {
        LogMark(offset: subscriber.readLog().utf8.count)
    }

    /// The replication workers' errors in the subscriber's log after `mark`.
    public func applyErrorLog(since mark: LogMark = .beginning) -> [ApplyError] {
        let log = subscriber.readLog().utf8
        guard mark.offset < log.count else { return [] }
        return Self.replicationWorkerErrors(inLog: String(decoding: log.dropFirst(mark.offset), as: UTF8.self))
    }

    /// The subscription's error counters and the errors logged after `mark`.
    public func applyErrors(since mark: LogMark = .beginning) throws -> ApplyErrors {
        // Counters first: a worker logs its error before it exits and its
        // counter is flushed, so every error counted is already in the log.
        let counts = try errorCounts()
        return ApplyErrors(applyErrorCount: counts.apply, syncErrorCount: counts.sync,
                           errors: applyErrorLog(since: mark))
    }

    /// Zero for a subscription that does not exist (yet).
    func errorCounts() throws -> (apply: Int, sync: Int) {
        let row = try observe("""
            SELECT apply_error_count, sync_error_count FROM pg_stat_subscription_stats
            WHERE subname = \(Connection.quoteLiteral(options.subscriptionName))
            """, on: .subscriber).first
        return (Int(row?[0] ?? "") ?? 0, Int(row?[1] ?? "") ?? 0)
    }

    /// Reads lines shaped by the pair's `log_line_prefix` ("%m [%p] [%b] "):
    /// an ERROR from a backend type starting "logical replication", with the
    /// DETAIL, HINT and CONTEXT lines the same process wrote right after it.
    /// Continuation lines (a tab first) belong to the line before.
    static func replicationWorkerErrors(inLog log: String) -> [ApplyError] {
        var errors: [ApplyError] = []
        /// The error being read, its process, and the field its last line went to.
        var open: (pid: Substring, field: WritableKeyPath<ApplyError, String?>?)?
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == "\t" {
                guard let field = open?.field, let index = errors.indices.last else { continue }
                errors[index][keyPath: field] = (errors[index][keyPath: field] ?? "") + "\n" + line.dropFirst()
                continue
            }
            guard let entry = ServerLogLine(line) else { open = nil; continue }
            if entry.severity == "ERROR", entry.isReplicationWorker {
                errors.append(ApplyError(message: String(entry.text), backendType: String(entry.backendType),
                                         line: String(line)))
                open = (entry.pid, \ApplyError.messageText)
            } else if let pid = open?.pid, pid == entry.pid, let field = Self.errorField(entry.severity),
                      let index = errors.indices.last {
                errors[index][keyPath: field] = String(entry.text)
                open = (pid, field)
            } else {
                open = nil
            }
        }
        return errors
    }

    private static func errorField(_ severity: Substring) -> WritableKeyPath<ApplyError, String?>? {
        switch severity {
        case "DETAIL": \.detail
        case "HINT": \.hint
        case "CONTEXT": \.context
        default: nil
        }
    }
}

extension ApplyError {
    /// `message` seen as optional, so a continuation line is appended to it
    /// the same way as to the other fields.
    fileprivate var messageText: String? {
        get { message }
        set { message = newValue ?? message }
    }
}

/// One log line: `2026-11-26 10:00:00.123 UTC [4242] [logical replication worker] ERROR:  text`.
private struct ServerLogLine {
    let pid: Substring
    let backendType: Substring
    let severity: Substring
    let text: Substring

    var isReplicationWorker: Bool { backendType.hasPrefix("logical replication") && backendType != "logical replication launcher" }

    init?(_ line: Substring) {
        guard let pidStart = line.firstRange(of: " [")?.upperBound,
              let pidEnd = line[pidStart...].firstIndex(of: "]"),
              line[line.index(after: pidEnd)...].hasPrefix(" [") else { return nil }
        let typeStart = line.index(pidEnd, offsetBy: 3)
        guard let typeEnd = line[typeStart...].firstRange(of: "] ") else { return nil }
        let rest = line[typeEnd.upperBound...]
        guard let severityEnd = rest.firstRange(of: ":  ") else { return nil }
        pid = line[pidStart..<pidEnd]
        backendType = line[typeStart..<typeEnd.lowerBound]
        severity = rest[..<severityEnd.lowerBound]
        text = rest[severityEnd.upperBound...]
    }
}
