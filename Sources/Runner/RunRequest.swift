import PGClient
/// What `replint run` was asked to do, settled from its flags and the
/// seed runner's environment variables before anything touches a file or a
/// database. Every problem here is the caller's to fix: exit 2.
public struct RunRequest: Sendable {
    /// The command line; nil where a flag was not given, so that the
    /// environment can fill it in.
    public struct Flags: Sendable {
        public var file: String?
        public var dryRun: Bool?
        public var directory: String
        public var databaseURL: String?
        public var lockTimeout: String
        public var statementTimeout: String?
        public var force: Bool
        public var logFormat: String
        public var logLevel: String?

        public init(file: String? = nil, dryRun: Bool? = nil, directory: String = "app_migrations/",
                    databaseURL: String? = nil, lockTimeout: String = "5s", statementTimeout: String? = nil,
                    force: Bool = false, logFormat: String = "text", logLevel: String? = nil) {
            self.file = file
            self.dryRun = dryRun
            self.directory = directory
            self.databaseURL = databaseURL
            self.lockTimeout = lockTimeout
            self.statementTimeout = statementTimeout
            self.force = force
            self.logFormat = logFormat
            self.logLevel = logLevel
        }
    }

    public static let fileVariable = "INVENTORY_MIGRATION_FILE"
    public static let dryRunVariable = "INVENTORY_MIGRATION_DRYRUN"
    /// The seed's job template passes its LOG_LEVEL parameter under this name.
    public static let logLevelVariable = "INVENTORY_LOG_LEVEL"

    public let file: MigrationFile
    public let dryRun: Bool
    public let force: Bool
    /// A PostgreSQL interval literal such as `5s`; "0" waits forever.
    public let lockTimeout: String
    /// "0" (the default) turns statement_timeout off for the run, whatever
    /// the role or database sets: a migration's duration is bounded by its
    /// lock waits, not by a limit meant for application queries.
    public let statementTimeout: String
    public let database: DatabaseSettings
    public let logFormat: RunLog.Format
    public let logLevel: RunLog.Level

    public static func resolve(_ flags: Flags, environment: [String: String]) throws(RunSetupError) -> RunRequest {
        let format = try parseLogFormat(flags.logFormat)
        let level = try parseLogLevel(flags.logLevel, environment: environment)
        let name: String
        let nameSource: String
        if let flag = flags.file {
            (name, nameSource) = (flag, "--file")
        } else {
            (name, nameSource) = (environment[fileVariable] ?? "", fileVariable)
        }
        let dryRun: Bool
        if let flag = flags.dryRun { dryRun = flag } else { dryRun = try parseDryRun(environment[dryRunVariable]) }
        let lockTimeout = try parseTimeout(flags.lockTimeout, option: "--lock-timeout")
        let statementTimeout = try parseTimeout(flags.statementTimeout ?? "0", option: "--statement-timeout")
        let file = try MigrationFile.locate(name: name, in: flags.directory, namedBy: nameSource)
        let database = try DatabaseSettings.resolve(databaseURL: flags.databaseURL, environment: environment)
        return RunRequest(file: file, dryRun: dryRun, force: flags.force, lockTimeout: lockTimeout,
                          statementTimeout: statementTimeout, database: database, logFormat: format, logLevel: level)
    }

    /// The seed ran for real on anything but "true"; a typo such as
    /// `ture` must not apply a migration someone meant to preview.
    static func parseDryRun(_ value: String?) throws(RunSetupError) -> Bool {
        guard let value, !value.isEmpty else { return false }
        switch value.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default:
            throw RunSetupError("\(dryRunVariable) must be true, false, 1, 0, yes or no (any case), not `\(value)`")
        }
    }

    /// A number with one of PostgreSQL's time units, checked here so that a
    /// typo is exit 2 before connecting rather than a failed SET afterwards.
    /// `off` means 0 (no limit).
    static func parseTimeout(_ text: String, option: String) throws(RunSetupError) -> String {
        let trimmed = text.lowercased().filter { $0 != " " }
        if trimmed == "off" || trimmed == "0" { return "0" }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let unit = trimmed.dropFirst(digits.count)
        guard !digits.isEmpty, ["", "us", "ms", "s", "min", "h", "d"].contains(String(unit)) else {
            throw RunSetupError("\(option) must be a number with a unit (us, ms, s, min, h, d), `0` or `off`, not `\(text)`")
        }
        // A bare number is milliseconds to PostgreSQL: say so in the log.
        return unit.isEmpty ? "\(digits)ms" : trimmed
    }

    static func parseLogFormat(_ text: String) throws(RunSetupError) -> RunLog.Format {
        guard let format = RunLog.Format(rawValue: text) else {
            throw RunSetupError("--log-format must be text or json, not `\(text)`")
        }
        return format
    }

    static func parseLogLevel(_ flag: String?, environment: [String: String]) throws(RunSetupError) -> RunLog.Level {
        let (text, source) = flag.map { ($0, "--log-level") } ?? (environment[logLevelVariable] ?? "info", logLevelVariable)
        let normalized = text.lowercased() == "warn" ? "warning" : text.lowercased()
        guard let level = RunLog.Level(name: normalized.isEmpty ? "info" : normalized) else {
            throw RunSetupError("\(source) must be debug, info, warning or error, not `\(text)`")
        }
        return level
    }
}

/// The run cannot start: bad flags or variables, an unusable file name, an
/// unreadable ACG_CONFIG. Exit 2.
public struct RunSetupError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
