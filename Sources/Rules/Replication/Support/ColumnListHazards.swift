import Lint
import Schema
import SQLSource

/// What `replication-column-list` finds in one ALTER TABLE command on a
/// table published with a column list or a row filter. A column the lists
/// leave out never replicates, so changing it is no hazard, with two
/// exceptions: the subscriber must not make it NOT NULL without a default
/// (rows never carry it), and the publisher refuses to drop or retype a
/// column a column list or row filter depends on.
struct ColumnListHazards {
    let statement: Statement
    let table: ReplicatedTable
    let context: LintContext
    /// What PostgreSQL refuses in the statement on the publisher, if anything.
    let refusal: Refusal?

    init(statement: Statement, table: ReplicatedTable, context: LintContext) {
        self.statement = statement
        self.table = table
        self.context = context
        refusal = statement.node.flatMap { context.publisherCatalog.refusal(of: $0, searchPath: context.searchPath) }
    }

    /// The reason `plan` gives for a change to a column that never replicates.
    static func unlisted(_ column: String, _ table: ReplicatedTable, _ change: String) -> String {
        "`\(column)` is not in the column list of \(table.publicationsLeavingOut(column)), so it never replicates: \(change) is safe in either order"
    }

    func check(_ command: AlterTableCommand, _ index: Int, into found: inout Hazards) {
        let column = command.columnName
        if let refusal, refusal.command == index {
            refused(refusal, command, index, into: &found)
            return
        }
        switch command.action {
        case .dropColumn, .dropColumnRecurse:
            if command.behavior == .cascade, let owner = dependent(column) {
                found.report("drops `\(column)` of \(table.described) with CASCADE: `\(column)` is in the column list or row filter of \(owner.name), so the whole table silently leaves the publication and nothing of it replicates any more",
                             help: "Change the publication first, on the publisher: `\(PublicationSQL.without(column, owner, table.name))`, then drop the column without CASCADE.",
                             needs: .publisherFirst, because: "`\(column)` is in a publication's column list", command: index)
            } else if !table.publishes(column: column) {
                found.declare(either: Self.unlisted(column, table, "dropping it"), command: index)
            }
        case .alterColumnType:
            if !table.publishes(column: column) { found.declare(either: Self.unlisted(column, table, "changing its type"), command: index) }
        case .setNotNull, .dropNotNull, .columnDefault:
            guard !table.publishes(column: column) else { return }
            requiredOnTheSubscriber(column, index, into: &found)
        case .addColumn, .addColumnRecurse:
            added(command, index, into: &found)
        default:
            return
        }
    }

    /// The publication whose column list or row filter for the table names `column`.
    private func dependent(_ column: String) -> Publication? {
        context.publisherCatalog.publications.values.sorted { $0.name < $1.name }.first { publication in
            guard let entry = publication.entry(for: table.name) else { return false }
            return entry.columns?.contains(column) == true || entry.rowFilterColumns.contains(column)
        }
    }

    private func refused(_ refusal: Refusal, _ command: AlterTableCommand, _ index: Int, into found: inout Hazards) {
        let error = "`\(refusal.message)` (`\(refusal.detail ?? "")`)"
        let stays = "the table stays published as it was, and the rest of the file is checked against that"
        switch refusal.cause {
        case .dropColumnUsedByPublication(let name, let column):
            let publication = context.publisherCatalog.publications[name]
            let filter = publication?.entry(for: table.name)?.rowFilterColumns.contains(column) == true
            let first = publication.map { "`\(PublicationSQL.without(column, $0, table.name))`" } ?? "an ALTER PUBLICATION without it"
            found.report("drops `\(column)`, which \(filter ? "the row filter" : "the column list") of \(name) depends on: the publisher refuses this statement, \(error); \(stays)",
                         help: "Change the publication first, on the publisher: \(first)\(filter ? " with a row filter that does not read `\(column)`" : ""); then drop the column, publisher-first.",
                         needs: .publisherFirst, because: "the publisher refuses it while \(name) depends on `\(column)`: change the publication first, then drop the column publisher-first", command: index)
        case .alterTypeOfColumnUsedByPublication(let name, let column):
            let publication = context.publisherCatalog.publications[name]
            let sequence = publication.map { "`\(PublicationSQL.without(column, $0, table.name))`, this statement, then `\(PublicationSQL.current($0, table.name))`" }
                ?? "an ALTER PUBLICATION without the column, this statement, then the publication as it was"
            found.report("changes the type of `\(column)`, which the column list or row filter of \(name) depends on: the publisher refuses this statement, \(error); \(stays)",
                         help: "On the publisher, in one transaction (so that no row is written in between): \(sequence).",
                         needs: ReplicationColumnTypeChangeRule.order(command, table, context),
                         because: "changes the type of `\(column)`", command: index)
        default:
            return
        }
    }

    /// SET/DROP NOT NULL, SET/DROP DEFAULT on a column no row carries: the
    /// subscriber fills it from its own default, so it must have one if NOT NULL.
    private func requiredOnTheSubscriber(_ column: String, _ index: Int, into found: inout Hazards) {
        let after = context.subscriberCatalog.applying(statement, searchPath: context.searchPath)
        guard let result = after.table(table.name)?.column(named: column), result.isNotNull, !result.hasDefault else {
            found.declare(either: Self.unlisted(column, table, "changing its NOT NULL or default"), command: index)
            return
        }
        let lists = table.publicationsLeavingOut(column)
        found.report("leaves `\(column)` of \(table.described) NOT NULL without a default on the subscriber, but the column list of \(lists) leaves it out: replicated rows never carry it, so every replicated INSERT fails there (`null value in column \"\(column)\" of relation \"\(table.name.name)\" violates not-null constraint`), whichever side goes first",
                     help: "Give the column a default on the subscriber (`ALTER TABLE \(table.name) ALTER COLUMN \(quoteIdentifier(column)) SET DEFAULT ...;`), or list it in the publication, or keep it nullable.",
                     needs: .unsafe, because: "`\(column)` is never replicated, and the subscriber would require it", command: index)
    }

    private func added(_ command: AlterTableCommand, _ index: Int, into found: inout Hazards) {
        let lists = table.columnLists
        guard !lists.isEmpty else { return }
        let name = command.definition?.columnDef?.name ?? "?"
        let publications = lists.map(\.publication).joined(separator: ", ")
        // A generated, required or per-side-filled column's order is its own rule's.
        let ordinary = command.definition?.columnDef.map { ColumnFacts($0, context).cause == .ordinary } ?? false
        found.report("adds `\(name)` to `\(table.name)`, which \(publications) publishes with a column list: `\(name)` is not replicated until the list names it (the subscriber's copy stays NULL)",
                     help: HelpText.listNewColumn(table, column: name),
                     severity: .warning, needs: ordinary ? .subscriberFirst : nil,
                     because: "a new column on a table published with a column list", command: index)
    }
}
