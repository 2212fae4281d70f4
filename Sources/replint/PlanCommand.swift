import ArgumentParser
import Lint
import Rules
import SQLSource

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Per statement: apply on the subscriber first, the publisher first, either, or unsafe; and how to split the file.",
        discussion: "Exit 0 when the file is safe in the order it declares, 1 when it needs another order, a split, or cannot be made safe.")

    @Argument(help: "The migration file.")
    var file: String

    @Option(name: .long, help: "Output format.")
    var format: ReportFormat = .text

    @OptionGroup var configuration: ConfigurationOptions
    @OptionGroup var schemaOptions: SchemaOptions

    func run() throws {
        var config = try configuration.load()
        schemaOptions.apply(to: &config)
        var session = LintSession(configuration: config, rules: RuleRegistry.all)
        session.baselineCache = schemaOptions.cache
        let linter: Linter
        do { linter = try session.linterWithBaselines() } catch { throw CLIError(error) }
        let document: SQLDocument
        do { document = SQLDocument(try SourceFile.read(path: file)) } catch { throw CLIError(error) }
        let plan = MigrationPlanner.plan(document, linter: linter)
        writeStdout(format == .json ? plan.json() : plan.text())
        throw ExitCode(plan.isSafeAsDeclared ? 0 : 1)
    }
}
