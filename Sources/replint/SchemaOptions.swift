import ArgumentParser
import Lint
import Schema

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

    func validate() throws {
        if subscriberSchema != nil && schema.count != 1 {
            throw ValidationError("--subscriber-schema needs exactly one --schema (the publisher's baseline)")
        }
    }

    /// The configuration with the command line's baselines in place of its own.
    /// Command-line paths are relative to the working directory, not to the configuration file.
    func apply(to configuration: inout Configuration) {
        guard !schema.isEmpty || subscriberSchema != nil else { return }
        if let subscriberSchema, let publisher = schema.first {
            configuration.schema = .sides(publisher: absolutePath(publisher), subscriber: absolutePath(subscriberSchema))
        } else {
            configuration.schema = .shared(schema.map(absolutePath))
        }
    }
}

