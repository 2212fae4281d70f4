import Lint
import Schema
import SQLSource

/// A table a statement touches, with what replint knows of its replication:
/// the publications that publish it (column list, row filter), or why it
/// counts as replicated without one.
struct ReplicatedTable {
    let name: QualifiedName
    /// The publisher's model of the table (nil: no baseline knows it).
    let table: Table?
    /// The subscriber's model (the publisher's when one baseline stands for both).
    let subscriberTable: Table?
    let memberships: [PublicationMembership]
    let source: ReplicationSource
    /// Whether a baseline was loaded (so "replint cannot see" is never said with one).
    var hasBaseline = false

    /// `hbi.hosts (published by hbi_hosts_pub_v1_0_2)`.
    var described: String { "`\(name)` (\(why))" }

    var why: String {
        switch source {
        case .publications:
            let names = memberships.map(\.publication).joined(separator: ", ")
            return "published by \(names)"
        case .configuredTables: return "listed in replication.tables"
        case .everyTable: return "no publication or replication.tables says otherwise, so every table counts as replicated"
        }
    }

    /// Publications that publish the table with a column list.
    var columnLists: [(publication: String, columns: [String])] {
        memberships.compactMap { m in m.columns.map { (m.publication, $0) } }
    }

    /// Whether UPDATE and DELETE are published (they need a replica identity).
    var publishesUpdatesOrDeletes: Bool {
        source != .publications || memberships.contains { $0.actions.contains("update") || $0.actions.contains("delete") }
    }
}

extension LintContext {
    /// The table a relation names: resolved through the search path when the
    /// model knows it, else as written in the first schema of the search path.
    func qualified(_ relation: RangeVar) -> QualifiedName {
        publisherCatalog.resolveTable(schema: relation.schema, name: relation.name, searchPath: searchPath)
            ?? publisherCatalog.resolveRelation(schema: relation.schema, name: relation.name, searchPath: searchPath)
            ?? publisherCatalog.creationName(schema: relation.schema, name: relation.name, searchPath: searchPath)
    }

    /// The replicated table a relation names, or nil when it is not
    /// replicated or was created earlier in this file (nothing replicates it yet).
    func replicatedTable(_ relation: RangeVar) -> ReplicatedTable? {
        replicatedTable(qualified(relation))
    }

    func replicatedTable(_ name: QualifiedName) -> ReplicatedTable? {
        // The cheap test first: a table of the file's own is two lookups, the publications a walk of them all.
        guard !createdInThisFile(name), isReplicated(name) else { return nil }
        return ReplicatedTable(
            name: name, table: publisherCatalog.table(name), subscriberTable: subscriberCatalog.table(name),
            memberships: publisherCatalog.publications(publishing: name), source: replicationSource, hasBaseline: hasBaseline)
    }
}

extension LintContext {
    /// Whether a table about to be created will be replicated: a publication
    /// FOR ALL TABLES or TABLES IN SCHEMA of its schema picks it up at once;
    /// without publications, `replication.tables` or "every table" decides.
    func willBeReplicated(_ name: QualifiedName) -> Bool {
        switch replicationSource {
        case .publications: return !publicationsPickingUp(name).isEmpty
        case .configuredTables, .everyTable: return isReplicated(name)
        }
    }

    /// Publications that pick up a new table of this name without being altered.
    func publicationsPickingUp(_ name: QualifiedName) -> [Publication] {
        publisherCatalog.publications.values
            .filter { $0.allTables || $0.schemas.contains(name.schema) || $0.entry(for: name) != nil }
            .sorted { $0.name < $1.name }
    }
}

extension LintContext {
    /// Replicated tables with a column of the enum `names` (`["hbi", "state"]`),
    /// quoted for messages. Without a baseline the model cannot tell: one
    /// entry says so, so that the enum counts as used.
    func replicatedUsers(ofEnum names: [String]) -> [String] {
        guard hasBaseline, let last = names.last else { return ["every table that uses it (no baseline)"] }
        let typeName = names.count > 1 ? "\(names[names.count - 2]).\(last)" : nil
        return publisherCatalog.tables.values.filter { table in
            replicatedTable(table.name) != nil && table.columns.contains { column in
                typeName.map { column.typeName == $0 } ?? (column.typeName == last || column.typeName.hasSuffix(".\(last)"))
            }
        }.map { "`\($0.name)`" }.sorted()
    }
}

extension LintContext {
    /// The index a DROP INDEX names (`["hbi", "hosts_pkey"]` or `["hosts_pkey"]`), if the model knows it.
    func index(named parts: [String]) -> Index? {
        guard let name = parts.last else { return nil }
        return publisherCatalog.resolveIndex(schema: parts.count > 1 ? parts[parts.count - 2] : nil, name: name, searchPath: searchPath)
    }
}

extension ReplicatedTable {
    /// Whether replicated rows carry `column`: false only when every
    /// publication of the table has a column list that leaves it out.
    func publishes(column: String) -> Bool {
        source != .publications || memberships.isEmpty || memberships.contains { $0.columns?.contains(column) ?? true }
    }

    /// Whether a publication's column list or row filter is on the table.
    var hasColumnListOrRowFilter: Bool {
        memberships.contains { $0.columns != nil || $0.rowFilter != nil }
    }

    /// The publications whose column lists leave `column` out, for messages.
    func publicationsLeavingOut(_ column: String) -> String {
        memberships.filter { $0.columns.map { !$0.contains(column) } ?? false }.map(\.publication).joined(separator: ", ")
    }
}

extension CreateTable {
    /// False for temporary and unlogged tables, which no publication can
    /// hold (`cannot add relation "x" to publication`) and FOR ALL TABLES skips.
    var mayBePublished: Bool { !isTemporary && !isUnlogged }
}

extension ReplicatedTable {
    /// Why the subscriber's `column` is not known, for reasons: no baseline,
    /// or a subscriber baseline without it (`replication-sides-differ`).
    func subscriberColumnUnknown(_ column: String) -> String {
        guard hasBaseline else { return "which replint cannot see without a baseline" }
        if subscriberTable == nil, table != nil { return "and the subscriber's baseline has no `\(name)` at all (`replication-sides-differ` reports it)" }
        if table?.column(named: column) != nil { return "and the subscriber's baseline has no `\(column)` at all (`replication-sides-differ` reports it)" }
        return "and the baseline does not show `\(column)`"
    }
}
