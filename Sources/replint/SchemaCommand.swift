import ArgumentParser
import Lint
import Rules
import Schema
import SQLSource

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print what replint believes the database is: the baseline, plus the given migrations.")

    @Argument(help: "Migrations to apply on top of the baseline, in order (files or folders).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: ReportFormat = .text

    @OptionGroup var configuration: ConfigurationOptions
    @OptionGroup var schemaOptions: SchemaOptions

    func run() throws {
        var config = try configuration.load()
        schemaOptions.apply(to: &config)
        var session = LintSession(configuration: config, rules: RuleRegistry.all)
        session.baselineCache = schemaOptions.cache
        var baselines: Baselines?
        switch session.loadBaselines() {
        case .failure(let error): throw CLIError("schema file \(error.description)")
        case .success(let loaded): baselines = loaded
        }
        for error in baselines?.syntaxErrors ?? [] {
            writeStderr("replint: \(error.path):\(error.location.line):\(error.location.column): the baseline does not parse here: \(error.message)\n")
        }
        var model = MigratedModel(baselines: baselines, searchPath: config.searchPath)
        let collected = FileCollector(configuration: config).collect(paths)
        if let error = collected.errors.first { throw CLIError(error) }
        for path in collected.files {
            do { model.apply(SQLDocument(try SourceFile.read(path: path))) } catch { throw CLIError(error) }
        }
        if schemaOptions.schemaStrict { for warning in model.warnings { writeStderr("replint: warning: \(warning)\n") } }
        if format == .text {
            // Statements that change nothing the model keeps (GRANT, COMMENT, ...) are counted, never errors.
            writeStdout("# \(model.appliedCount) statement(s) applied to the model, \(model.skippedCount) not modelled\n")
        }
        writeStdout(render(model.publisher, model.subscriber, replicated: config.replicatedTables))
        // A baseline that does not parse is an error-level problem: it never hides behind 0.
        throw ExitCode(baselines?.syntaxErrors.isEmpty == false ? 1 : 0)
    }

    private func render(_ publisher: Catalog, _ subscriber: Catalog?, replicated: [String]?) -> String {
        let first = CatalogRenderer(catalog: publisher, configuredTables: replicated)
        let second = subscriber.map { CatalogRenderer(catalog: $0, configuredTables: replicated) }
        switch (format, second) {
        case (.json, nil): return first.value().rendered() + "\n"
        case (.json, let second?):
            return JSON.object([("publisher", first.value()), ("subscriber", second.value())]).rendered() + "\n"
        case (.text, nil): return first.text()
        case (.text, let second?): return "# publisher\n" + first.text() + "\n# subscriber\n" + second.text()
        }
    }
}
