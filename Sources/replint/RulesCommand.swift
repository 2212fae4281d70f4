import ArgumentParser
import Lint
import Rules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule.")

    @Option(name: .long, help: "Output format (json: id, name, category, default severity and summary of each rule).")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Write every rule's Markdown page and an index into this folder, created if missing (`make rules-docs`).")
    var writeDocs: String?

    func run() throws {
        let descriptions = RuleRegistry.all.map(\.description)
        if let folder = writeDocs {
            try createDirectories(folder)
            for d in descriptions { try writeFile("\(folder)/\(d.id).md", RuleDocumentation.page(d)) }
            try writeFile("\(folder)/README.md", RuleDocumentation.index(descriptions))
            return
        }
        switch format {
        case .text: writeStdout(RuleListing.text(descriptions))
        case .json: writeStdout(RuleListing.json(descriptions).rendered() + "\n")
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print a rule's documentation.")

    @Argument(help: "The rule id, as `replint rules` lists it (any case).")
    var rule: String

    func run() throws {
        guard let found = RuleRegistry.rule(RuleID(rawValue: rule.lowercased())) else {
            let known = RuleRegistry.all.map(\.id.rawValue)
            throw CLIError("unknown rule `\(rule)`\(Suggestion.didYouMean(rule, among: known)); `replint rules` lists them")
        }
        writeStdout(RuleDocumentation.page(found.description))
    }
}
