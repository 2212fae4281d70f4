import ArgumentParser
import Lint
import Rules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule.")

    @Option(name: .long, help: "Write every rule's Markdown page and an index into this folder (`make rules-docs`).")
    var writeDocs: String?

    func run() throws {
        if let folder = writeDocs {
            let descriptions = RuleRegistry.all.map(\.description)
            do {
                for d in descriptions { try writeFile("\(folder)/\(d.id).md", RuleDocumentation.page(d)) }
                try writeFile("\(folder)/README.md", RuleDocumentation.index(descriptions))
            } catch {
                fail("\(error)")
            }
            return
        }
        let rows = RuleRegistry.all.map(\.description)
        let width = rows.map(\.id.rawValue.count).max() ?? 0
        for d in rows {
            let id = d.id.rawValue.padding(width)
            Console.out("\(id)  \(d.category.rawValue.padding(12))  \(d.defaultSeverity.rawValue.padding(8))  \(d.summary)\n")
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print a rule's documentation.")

    @Argument(help: "The rule id, as `replint rules` lists it.")
    var rule: String

    func run() throws {
        guard let found = RuleRegistry.rule(RuleID(rawValue: rule)) else { fail("unknown rule `\(rule)`; `replint rules` lists them") }
        Console.out(RuleDocumentation.page(found.description))
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
