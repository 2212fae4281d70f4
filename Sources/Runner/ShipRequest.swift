import PGClient
import SQLSource

/// What `replint ship` was asked to do, settled before anything connects.
/// The two databases come only from the flags or `REPLINT_SUBSCRIBER_URL` /
/// `REPLINT_PUBLISHER_URL`: with two databases in play there is no implicit
/// source (no `PG*`, no `ACG_CONFIG`), so a shell pointed at one database
/// can never stand in for the other. Every problem here is exit 2.
public struct ShipRequest: Sendable {
    public struct Flags: Sendable {
        public var file: String
        public var subscriberURL: String?
        public var publisherURL: String?
        /// Ship against this subscription only, instead of every subscription
        /// whose slot is on the publisher.
        public var subscription: String?
        /// The subscriber's server log, for PostgreSQL's own words about an
        /// apply error; without it the log is read through the server when
        /// the role may (`pg_current_logfile()`, `pg_read_file`).
        public var subscriberLog: String?
        /// One part of a split plan (1-based).
        public var part: Int?
        public var force: Bool
        /// nil: `INVENTORY_MIGRATION_DRYRUN` decides, as it does for `run`,
        /// so the seed's job parameter keeps its meaning.
        public var dryRun: Bool?
        public var settle: Duration
        public var catchUpTimeout: Duration
        public var lockTimeout: String
        public var statementTimeout: String?
        public var format: ShipReport.Format
        public var logFormat: String
        public var logLevel: String?

        public init(file: String, subscriberURL: String? = nil, publisherURL: String? = nil, subscription: String? = nil,
                    subscriberLog: String? = nil, part: Int? = nil, force: Bool = false, dryRun: Bool? = nil,
                    settle: Duration = .seconds(10), catchUpTimeout: Duration = .seconds(60), lockTimeout: String = "5s",
                    statementTimeout: String? = nil, format: ShipReport.Format = .text, logFormat: String = "text",
                    logLevel: String? = nil) {
            self.file = file
            self.subscriberURL = subscriberURL
            self.publisherURL = publisherURL
            self.subscription = subscription
            self.subscriberLog = subscriberLog
            self.part = part
            self.force = force
            self.dryRun = dryRun
            self.settle = settle
            self.catchUpTimeout = catchUpTimeout
            self.lockTimeout = lockTimeout
            self.statementTimeout = statementTimeout
            self.format = format
            self.logFormat = logFormat
            self.logLevel = logLevel
        }
    }

    public static let subscriberVariable = "REPLINT_SUBSCRIBER_URL"
    public static let publisherVariable = "REPLINT_PUBLISHER_URL"

    public let file: MigrationFile
    public let subscriber: DatabaseSettings
    public let publisher: DatabaseSettings
    public let subscription: String?
    public let subscriberLog: String?
    public let part: Int?
    public let force: Bool
    public let dryRun: Bool
    public let settle: Duration
    public let catchUpTimeout: Duration
    public let lockTimeout: String
    public let statementTimeout: String
    public let format: ShipReport.Format
    public let logFormat: RunLog.Format
    public let logLevel: RunLog.Level

    public static func resolve(_ flags: Flags, environment: [String: String]) throws(RunSetupError) -> ShipRequest {
        let logFormat = try RunRequest.parseLogFormat(flags.logFormat)
        let logLevel = try RunRequest.parseLogLevel(flags.logLevel, environment: environment)
        let lockTimeout = try RunRequest.parseTimeout(flags.lockTimeout, option: "--lock-timeout")
        var dryRun = flags.dryRun ?? false
        if flags.dryRun == nil { dryRun = try RunRequest.parseDryRun(environment[RunRequest.dryRunVariable]) }
        let statementTimeout = try RunRequest.parseTimeout(flags.statementTimeout ?? "0", option: "--statement-timeout")
        let subscriber = try url(flags.subscriberURL, option: "--subscriber-url", variable: subscriberVariable, environment: environment)
        let publisher = try url(flags.publisherURL, option: "--publisher-url", variable: publisherVariable, environment: environment)
        if let part = flags.part, part < 1 { throw RunSetupError("--part counts from 1, not \(part)") }
        if let name = flags.subscription, name.isEmpty { throw RunSetupError("--subscription is empty: name a subscription on the subscriber") }
        let source: SourceFile
        do {
            source = try SourceFile.read(path: flags.file)
        } catch {
            throw RunSetupError("\(flags.file): \(error.reason)")
        }
        // The advisory lock is keyed on the resolved file and its content, as
        // `run` keys it, so a `run` and a `ship` of the same file never apply it at once.
        let name = flags.file.split(separator: "/").last.map(String.init) ?? flags.file
        let resolved = FileSystem.realPath(flags.file) ?? flags.file
        return ShipRequest(file: MigrationFile(name: name, path: flags.file, source: source, resolvedPath: resolved),
                           subscriber: subscriber, publisher: publisher, subscription: flags.subscription,
                           subscriberLog: flags.subscriberLog, part: flags.part, force: flags.force, dryRun: dryRun,
                           settle: flags.settle, catchUpTimeout: flags.catchUpTimeout, lockTimeout: lockTimeout,
                           statementTimeout: statementTimeout, format: flags.format, logFormat: logFormat, logLevel: logLevel)
    }

    private static func url(_ flag: String?, option: String, variable: String,
                            environment: [String: String]) throws(RunSetupError) -> DatabaseSettings {
        guard let value = flag ?? environment[variable], !value.isEmpty else {
            throw RunSetupError("\(option) (or \(variable)) is not set: ship needs a connection string for each side, "
                                + "and never falls back to PG* variables or ACG_CONFIG")
        }
        return DatabaseSettings(source: .databaseURL, parameters: [], url: value, certificateAuthorityPEM: nil)
    }

    /// The settings `PlanApplication` applies one side with: `run`'s own.
    func runRequest(for side: ShipSide, file: MigrationFile) -> RunRequest {
        RunRequest(file: file, dryRun: false, force: force, lockTimeout: lockTimeout, statementTimeout: statementTimeout,
                   database: side == .subscriber ? subscriber : publisher, logFormat: logFormat, logLevel: logLevel)
    }
}

/// One of the two databases `ship` applies the file to.
public enum ShipSide: String, Sendable, CaseIterable {
    case subscriber, publisher

    public var other: ShipSide { self == .subscriber ? .publisher : .subscriber }

    /// The option that names it, for messages that say what to run next.
    var urlOption: String { self == .subscriber ? "--subscriber-url" : "--publisher-url" }
    var variable: String { self == .subscriber ? ShipRequest.subscriberVariable : ShipRequest.publisherVariable }
}
