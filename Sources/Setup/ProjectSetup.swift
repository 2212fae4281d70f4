import PGClient
import PGServers
#if canImport(Glibc)
import Glibc
#endif

/// `replint init`: a commented `.replint.yml` and, given the databases, the
/// baselines it points at, so a team starts with a model of its real
/// database in one command.
public struct ProjectSetup: Sendable {
    /// The folder the configuration is written in; relative paths in it are relative to this folder.
    public var directory: String
    /// The migrations folder, relative to `directory` (a trailing `/` is dropped).
    public var migrationsFolder = "app_migrations" {
        didSet {
            while migrationsFolder.count > 1 && migrationsFolder.hasSuffix("/") { migrationsFolder.removeLast() }
        }
    }
    /// The publishing database (or the only one).
    public var databaseURL: String?
    /// The replicated database, whose dump is the subscriber's baseline.
    public var subscriberURL: String?
    /// `--force`: replace an existing configuration and baselines.
    public var force = false
    /// `--pg-bin`: where pg_dump is; nil searches as the rehearsals do.
    public var binDirectory: String?

    public static let configurationName = ".replint.yml"
    public static let publisherBaseline = "schema.sql"
    public static let subscriberBaseline = "subscriber-schema.sql"

    public init(directory: String) {
        self.directory = directory
    }

    /// What was written, relative to `directory`, in the order written.
    public struct Outcome: Sendable, Equatable {
        public var written: [String] = []
        public var template: ConfigurationTemplate
    }

    var baselines: ConfigurationTemplate.Baselines {
        switch (databaseURL, subscriberURL) {
        case (nil, _): .none
        case (.some, nil): .shared("\(migrationsFolder)/\(Self.publisherBaseline)")
        case (.some, .some): .sides(publisher: "\(migrationsFolder)/\(Self.publisherBaseline)",
                                    subscriber: "\(migrationsFolder)/\(Self.subscriberBaseline)")
        }
    }

    /// Every file it would write, relative to `directory`: the baselines, then the configuration.
    var targets: [String] {
        var files: [String] = []
        if databaseURL != nil { files.append("\(migrationsFolder)/\(Self.publisherBaseline)") }
        if databaseURL != nil && subscriberURL != nil { files.append("\(migrationsFolder)/\(Self.subscriberBaseline)") }
        return files + [Self.configurationName]
    }

    public func run() throws(SetupError) -> Outcome {
        if subscriberURL != nil && databaseURL == nil {
            throw SetupError("--subscriber-url needs --database-url (the publishing database) too")
        }
        // Nothing is written until every target is known to be free: no half-initialised project.
        if !force, let existing = targets.first(where: { FileSystem.exists(path($0)) }) {
            throw SetupError("\(existing) already exists; replint init does not overwrite it (--force replaces it)")
        }
        var template = ConfigurationTemplate(baselines: baselines, migrationsFolder: migrationsFolder)
        var outcome = Outcome(template: template)
        if let databaseURL {
            let dump: BaselineDump
            do {
                dump = BaselineDump(pgDump: try PostgresBinaries.locateProgram("pg_dump", .init(explicitDirectory: binDirectory)))
            } catch {
                throw SetupError("\(error)")
            }
            let created = try makeFolders(migrationsFolder)
            var dumps = [(file: "\(migrationsFolder)/\(Self.publisherBaseline)", url: databaseURL)]
            if let subscriberURL { dumps.append(("\(migrationsFolder)/\(Self.subscriberBaseline)", subscriberURL)) }
            // Each dump goes to a temporary name first; only when all of them worked do they take their names.
            let temporary = { (file: String) in self.path(file) + ".replint-init-\(getpid())" }
            do {
                for (index, item) in dumps.enumerated() {
                    let version = try dump.dump(url: item.url, to: temporary(item.file), name: item.file)
                    // Only a version the configuration reader takes; another keeps the default.
                    if index == 0, let version, (10...18).contains(version) { template.postgresVersion = version }
                }
            } catch {
                for item in dumps { unlink(temporary(item.file)) }
                for folder in created.reversed() { rmdir(folder) }
                throw error
            }
            for item in dumps {
                guard rename(temporary(item.file), path(item.file)) == 0 else { throw SetupError("\(item.file): \(errnoDescription())") }
                outcome.written.append(item.file)
            }
        }
        try write(template.text, to: path(Self.configurationName))
        outcome.written.append(Self.configurationName)
        outcome.template = template
        return outcome
    }

    func path(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : "\(directory)/\(relative)"
    }

    /// `mkdir -p`; returns the folders it made, so a failed run can remove them again.
    func makeFolders(_ relative: String) throws(SetupError) -> [String] {
        var prefix = relative.hasPrefix("/") ? "/" : "\(directory)/"
        var created: [String] = []
        for part in relative.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) == 0 {
                created.append(prefix)
            } else if errno != EEXIST {
                throw SetupError("\(prefix): \(errnoDescription())")
            }
            prefix += "/"
        }
        return created
    }

    func write(_ text: String, to file: String) throws(SetupError) {
        guard let handle = fopen(file, "w") else { throw SetupError("\(file): \(errnoDescription())") }
        let written = fputs(text, handle) >= 0
        guard fclose(handle) == 0, written else { throw SetupError("\(file): write failed") }
    }
}
