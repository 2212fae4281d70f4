import Lint
import Schema
import SQLSource

/// The objects a DROP of one of `kinds` removes that existed before the
/// file, spelled as SQL writes them; nil when there are none. `kinds` is an
/// array: a handful of cases, and a set's first use costs the run a
/// conformance lookup.
func existingDropped(_ statement: Statement, _ kinds: [ObjectKind], _ context: LintContext) -> (drop: Drop, names: [String])? {
    guard let drop = statement.node?.drop, kinds.contains(drop.objectKind) else { return nil }
    let names = drop.objectNameParts.filter { context.existedBefore(drop.objectKind, parts: $0) }.map(spelled)
    return names.isEmpty ? nil : (drop, names)
}

/// `a`, `a` and `b`, `a`, `b` and `c`: names in backticks for a message.
func listed(_ names: [String]) -> String {
    let quoted = names.map { "`\($0)`" }
    guard quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
}

/// The two-step removal every drop rule recommends, with the statement itself as the second step.
func stagedRemovalHelp(_ what: String, _ statement: Statement) -> String {
    "Deploy application code that no longer uses \(what) first; then run the drop in a later migration, once nothing reads it: `\(statement.text);`"
}

/// The commands of an ALTER TABLE on a table that existed before the file
/// (`actions`, like `existingDropped`'s kinds, is a short array).
func existingTableCommands(_ statement: Statement, _ context: LintContext,
                           _ actions: [AlterTableAction]) -> (alter: AlterTable, commands: [AlterTableCommand])? {
    guard let alter = statement.node?.alterTable, alter.objectKind == .table || alter.objectKind == .foreignTable || alter.objectKind == .other,
          context.existedBefore(alter.relation) else { return nil }
    let commands = alter.commands.filter { actions.contains($0.action) }
    return commands.isEmpty ? nil : (alter, commands)
}

enum CompatibilityNotes {
    static let category = (title: "Category", body: """
    `compatibility`: the statement is valid and safe for the database, but code that was deployed \
    before it (the application, reports, other services) can stop working once it runs. A table or \
    object created earlier in the same file has no such users yet, so it is not reported.
    """)

    static func squawk(_ remark: String = "") -> (title: String, body: String) {
        (title: "squawk", body: "squawk reports the same statements under the same id." + (remark.isEmpty ? "" : " " + remark))
    }
}
