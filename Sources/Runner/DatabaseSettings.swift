import PGClient
/// Where the run connects, from the first source that is present, in
/// DESIGN.md's order: `--database-url`, Clowder's `ACG_CONFIG`, the seed's
/// `INVENTORY_DB_*` variables, then libpq's own defaults (`PG*` variables,
/// service files). Sources are not mixed: a half-set `INVENTORY_DB_*` never
/// fills gaps in a Clowder config, so what the log names is what was used.
public struct DatabaseSettings: Sendable, Equatable {
    public enum Source: String, Sendable, Equatable {
        case databaseURL = "--database-url"
        case clowder = "ACG_CONFIG"
        case inventoryVariables = "INVENTORY_DB_* variables"
        case libpqDefaults = "libpq defaults (PG* variables, service file)"
    }

    public let source: Source
    /// `key=value` pairs for libpq, in order; empty for a URL or defaults.
    public let parameters: [(String, String)]
    /// Set for `--database-url`: passed to libpq as given.
    public let url: String?
    /// Clowder's `rdsCa`: PEM text, written to a private file at connect time.
    public let certificateAuthorityPEM: String?

    public static let clowderVariable = "ACG_CONFIG"

    public static func == (a: DatabaseSettings, b: DatabaseSettings) -> Bool {
        a.source == b.source && a.url == b.url && a.certificateAuthorityPEM == b.certificateAuthorityPEM
            && a.parameters.map { "\($0.0)=\($0.1)" } == b.parameters.map { "\($0.0)=\($0.1)" }
    }

    public static func resolve(databaseURL: String?, environment: [String: String]) throws(RunSetupError) -> DatabaseSettings {
        if let databaseURL, !databaseURL.isEmpty {
            return DatabaseSettings(source: .databaseURL, parameters: [], url: databaseURL, certificateAuthorityPEM: nil)
        }
        if let path = environment[clowderVariable], !path.isEmpty {
            if let database = try ClowderConfig.load(path: path).database {
                return fromClowder(database)
            }
        }
        let inventory = fromInventoryVariables(environment)
        if !inventory.parameters.isEmpty { return inventory }
        return DatabaseSettings(source: .libpqDefaults, parameters: [], url: nil, certificateAuthorityPEM: nil)
    }

    static func fromClowder(_ database: ClowderConfig.Database) -> DatabaseSettings {
        var parameters: [(String, String)] = []
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { parameters.append((key, value)) }
        }
        add("host", database.hostname)
        add("port", database.port.map(String.init))
        add("dbname", database.name)
        add("user", database.username)
        add("password", database.password)
        add("sslmode", database.sslMode)
        let pem = database.rdsCa.flatMap { $0.isEmpty ? nil : $0 }
        return DatabaseSettings(source: .clowder, parameters: parameters, url: nil, certificateAuthorityPEM: pem)
    }

    static func fromInventoryVariables(_ environment: [String: String]) -> DatabaseSettings {
        let mapping = [("INVENTORY_DB_HOST", "host"), ("INVENTORY_DB_PORT", "port"), ("INVENTORY_DB_NAME", "dbname"),
                       ("INVENTORY_DB_USER", "user"), ("INVENTORY_DB_PASS", "password"),
                       ("INVENTORY_DB_SSL_MODE", "sslmode"), ("INVENTORY_DB_SSL_CERT", "sslrootcert")]
        let parameters = mapping.compactMap { variable, key -> (String, String)? in
            guard let value = environment[variable], !value.isEmpty else { return nil }
            return (key, value)
        }
        return DatabaseSettings(source: .inventoryVariables, parameters: parameters, url: nil, certificateAuthorityPEM: nil)
    }

    /// The libpq connection string; `certificateFile` is where the rdsCa PEM
    /// was written, when there is one.
    func conninfo(certificateFile: String?) -> String {
        if let url { return url }
        var all = parameters
        if let certificateFile { all.append(("sslrootcert", certificateFile)) }
        // Named in pg_stat_activity, so a DBA can tell who holds the locks.
        all.append(("fallback_application_name", "replint run"))
        if source != .libpqDefaults, !all.contains(where: { $0.0 == "connect_timeout" }) {
            all.append(("connect_timeout", "10"))
        }
        return all.map { "\($0.0)=\(Connection.quoteConninfoValue($0.1))" }.joined(separator: " ")
    }

    /// Every spelling of the password, for scrubbing log lines.
    var secrets: [String] {
        var found = Set(parameters.filter { $0.0 == "password" }.map(\.1))
        if let url { found.formUnion(PasswordRedaction.passwords(in: url)) }
        return found.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// Host, port, database and user as the settings give them, without the password.
    var summary: String {
        if url != nil { return "the server named by --database-url" }
        func value(_ key: String) -> String? { parameters.last { $0.0 == key }?.1 }
        guard !parameters.isEmpty else { return "libpq's default server" }
        let host = value("host") ?? "(default host)"
        let port = value("port").map { ":\($0)" } ?? ""
        let database = value("dbname") ?? "(default database)"
        let user = value("user").map { " as \($0)" } ?? ""
        return "\(host)\(port)/\(database)\(user)"
    }
}
