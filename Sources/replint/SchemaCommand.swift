import ArgumentParser
import Lint
import Rules
import Schema
import SQLSource
#if canImport(Glibc)
import Glibc
#endif

/// `--schema`, `--subscriber-schema` and `--schema-strict`, shared by `lint` and `schema`.
struct SchemaOptions: ParsableArguments {
    @Option(name: .long, help: "Baseline schema file (repeatable, read in order); replaces `schema:` of the configuration.")
    var schema: [String] = []

    @Option(name: .long, help: "The subscriber's baseline when it differs from the publisher's (`--schema`).")
    var subscriberSchema: String?

    @Flag(name: .long, help: "Report statements that contradict the schema model (dropping a table it does not know).")
    var schemaStrict = false

    @Flag(name: .long, help: "Build the baseline model afresh instead of reading it from the user's cache directory.")
    var noSchemaCache = false

    /// The user's cache of built baselines, unless `--no-schema-cache`.
    var cache: CatalogCache? {
        noSchemaCache ? nil : SchemaOptions.defaultCache
    }

    static var defaultCache: CatalogCache? { CatalogCache.userCache(toolVersion: ReplintVersion.current) }

    /// The configuration with the command line's baselines in place of its own.
    func apply(to configuration: inout Configuration) {
        guard !schema.isEmpty || subscriberSchema != nil else { return }
        if let subscriberSchema {
            guard schema.count == 1 else { fail("--subscriber-schema needs exactly one --schema (the publisher's baseline)") }
            configuration.schema = .sides(publisher: absolute(schema[0]), subscriber: absolute(subscriberSchema))
        } else {
            configuration.schema = .shared(schema.map(absolute))
        }
    }

    /// Command-line paths are relative to the working directory, not to the configuration file.
    private func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        return String(cString: buffer) + "/" + path
    }
}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print what replint believes the database is: the baseline, plus the given migrations.")

    @Argument(help: "Migrations to apply on top of the baseline, in order (files or folders).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: text or json.")
    var format: String = "text"

    @OptionGroup var configuration: ConfigurationOptions
    @OptionGroup var schemaOptions: SchemaOptions

    func run() throws {
        guard format == "text" || format == "json" else { fail("unknown format `\(format)` (known: text, json)") }
        var config = try configuration.load()
        schemaOptions.apply(to: &config)
        var session = LintSession(configuration: config, rules: RuleRegistry.all)
        session.baselineCache = schemaOptions.cache
        var baselines: Baselines?
        switch session.loadBaselines() {
        case .failure(let error): fail("schema file \(error.description)")
        case .success(let loaded): baselines = loaded
        }
        for error in baselines?.syntaxErrors ?? [] {
            Console.err("replint: \(error.path):\(error.location.line):\(error.location.column): the baseline does not parse here: \(error.message)\n")
        }
        var model = MigratedModel(baselines: baselines, searchPath: config.searchPath)
        let collected = FileCollector(configuration: config).collect(paths)
        for error in collected.errors { fail(error) }
        for path in collected.files {
            do { model.apply(SQLDocument(try SourceFile.read(path: path))) } catch { fail(error.description) }
        }
        if schemaOptions.schemaStrict { for warning in model.warnings { Console.err("replint: warning: \(warning)\n") } }
        if format == "text" {
            // Statements that change nothing the model keeps (GRANT, COMMENT, ...) are counted, never errors.
            writeStdout("# \(model.appliedCount) statement(s) applied to the model, \(model.skippedCount) not modelled\n")
        }
        writeStdout(render(model.publisher, model.subscriber, replicated: config.replicatedTables))
        // A baseline that does not parse is an error-level problem: it never hides behind 0.
        throw ExitCode(baselines?.syntaxErrors.isEmpty == false ? 1 : 0)
    }

    private func render(_ publisher: Catalog, _ subscriber: Catalog?, replicated: [String]?) -> String {
        let first = CatalogRenderer(catalog: publisher, configuredTables: replicated)
        guard let subscriber else { return format == "json" ? first.json() : first.text() }
        let second = CatalogRenderer(catalog: subscriber, configuredTables: replicated)
        if format == "json" {
            return "{\n  \"publisher\": \(indent(first.json())),\n  \"subscriber\": \(indent(second.json()))\n}\n"
        }
        return "# publisher\n" + first.text() + "\n# subscriber\n" + second.text()
    }

    private func indent(_ json: String) -> String {
        json.trimmingTrailingNewlines().split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
