import SQLSource

/// The `.replint.yml` that `replint init` writes: every key the
/// configuration reader knows, at its default or pointing at the baselines
/// just taken, each with a one-line comment. Keys without a default
/// (`schema_revision`, `replication.tables`) are written commented out, since
/// an empty value would mean something else (no table replicated).
public struct ConfigurationTemplate: Sendable, Equatable {
    public enum Baselines: Sendable, Equatable {
        case none
        /// One database's dump: it is the model for both sides.
        case shared(String)
        case sides(publisher: String, subscriber: String)
    }

    public var baselines: Baselines
    /// The migrations folder, relative to the configuration file.
    public var migrationsFolder: String
    /// The server's major version when a dump said it, else replint's default.
    public var postgresVersion: Int

    public init(baselines: Baselines = .none, migrationsFolder: String = "app_migrations", postgresVersion: Int = 15) {
        self.baselines = baselines
        self.migrationsFolder = migrationsFolder
        self.postgresVersion = postgresVersion
    }

    public var text: String {
        """
        # replint's configuration, written by `replint init`. Paths are relative to this file's folder;
        # `replint lint` lints every *.sql under \(migrationsFolder)/ (baselines excepted).
        # The baseline(s) the migrations start from (pg_dump --schema-only, publications included):
        # a file, a list read in order, or {publisher: FILE, subscriber: FILE}.
        \(schemaLines)
        # The alembic revision the baseline is at; `lint --sequence` skips files at or before it.
        # schema_revision: 1e276ea9970d
        # Where each file starts resolving unqualified names.
        search_path: [public]
        # The PostgreSQL major version the migrations run on (10 to 18); lock rules depend on it.
        postgres_version: \(postgresVersion)
        replication:
          # Replicated tables, used only when the baseline has no publication (else every table counts).
          # tables: [public.accounts]
          # The order of files that declare none: subscriber-first or publisher-first.
          apply_order: subscriber-first
          # Apply orders by file glob, e.g. {"\(migrationsFolder)/*drop*.sql": publisher-first}.
          files: {}
        # Severities by rule id or alias: off, info, warning or error (`replint rules` lists them).
        rules: {}
        # Globs of files never linted (* and ? within a path part, ** across parts).
        exclude: []
        # The lowest severity that fails a run: error or warning.
        fail_on: error
        # Where rule pages live (SARIF helpUri, Markdown links): this URL + RULE.md; default: the rules/ of this replint.
        # rule_pages: https://github.com/OWNER/replint/blob/main/rules/

        """
    }

    var schemaLines: String {
        switch baselines {
        case .none:
            return "# schema: \(Self.quoted("\(migrationsFolder)/schema.sql"))   # `replint init --database-url URL` takes it"
        case .shared(let file):
            return "schema: \(Self.quoted(file))"
        case .sides(let publisher, let subscriber):
            return "schema:\n  publisher: \(Self.quoted(publisher))     # pg_dump of the publishing database\n"
                + "  subscriber: \(Self.quoted(subscriber))  # pg_dump of the replicated database"
        }
    }

    /// A YAML double-quoted scalar, so a folder named `a: b` or `x #y` stays
    /// one path: JSON's escapes are all YAML double-quoted escapes too.
    static func quoted(_ path: String) -> String {
        JSON.quote(path)
    }
}
