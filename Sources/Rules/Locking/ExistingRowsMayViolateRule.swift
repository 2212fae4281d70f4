import Lint
import Schema
import SQLSource

extension RuleID {
    public static let existingRowsMayViolate: RuleID = "existing-rows-may-violate"
}

/// A unique index built over rows that were there before the file: one
/// duplicate and the statement fails, concurrently leaving an INVALID index.
public struct ExistingRowsMayViolateRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .existingRowsMayViolate,
        name: "Unique index over existing rows that may hold duplicates",
        category: .locking,
        defaultSeverity: .warning,
        summary: "CREATE UNIQUE INDEX (with or without CONCURRENTLY) on columns of a table that existed before the file, none of them added by the file, without a unique index on the same columns already.",
        rationale: """
        A unique index can fail on real data: one pair of rows with the same key and PostgreSQL \
        stops the migration (`could not create unique index ...`, `Key (...)=(...) is duplicated`). \
        Built CONCURRENTLY, a failed build also leaves an INVALID index behind, which still slows \
        every write and must be dropped before trying again. A warning: replint cannot see the \
        data, so the finding gives the query that finds the duplicates. Not reported when a column \
        of the index was added by the file (its rows hold only its default), nor when a unique \
        index or constraint on the same columns exists. The same cause on other statements is \
        already in their lock findings and not reported again here: ADD CONSTRAINT ... UNIQUE \
        (`disallowed-unique-constraint`), ADD PRIMARY KEY (`adding-serial-primary-key-field`) and \
        SET NOT NULL (`adding-not-nullable-field`) each say the statement fails on such rows and \
        give the query; a SET NOT NULL that a validated CHECK proves, and a constraint added \
        `USING INDEX`, cannot fail on the data. \(LockingNotes.createdInFile)
        """,
        safeAlternative: "Find and resolve the duplicates before the migration (the finding's help gives the query); after a failed CONCURRENTLY build, `DROP INDEX CONCURRENTLY` the INVALID index.",
        triggeringExamples: [
            RuleExample("COMMIT;\n↓CREATE UNIQUE INDEX CONCURRENTLY hosts_name_key ON hbi.hosts (display_name);\nBEGIN;", baseline: LockingBaselines.hosts),
            RuleExample("↓CREATE UNIQUE INDEX \"Ix\" ON \"hbi\".\"Hosts\" (lower(\"Name\")) WHERE \"Deleted\" IS NULL;", note: "Quoted names, an expression, no baseline"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.t (a int);\nCREATE UNIQUE INDEX ix_t_a ON hbi.t (a);", note: "A table created in the same file"),
            RuleExample("CREATE TABLE hbi.c AS SELECT 1 AS a;\nCREATE UNIQUE INDEX ix_c_a ON hbi.c (a);", note: "A CREATE TABLE AS table"),
            RuleExample("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN serial_no text;\nCOMMIT;\nCREATE UNIQUE INDEX CONCURRENTLY hosts_serial_key ON hbi.hosts (serial_no);\nBEGIN;\nCOMMIT;",
                        note: "A column the file added", baseline: LockingBaselines.hosts),
            RuleExample("CREATE UNIQUE INDEX hosts_id_key ON hbi.hosts (id);", note: "The primary key already proves it", baseline: LockingBaselines.hosts),
            RuleExample("CREATE INDEX ix_hosts_name ON hbi.hosts (display_name);", note: "Not unique", baseline: LockingBaselines.hosts),
        ],
        notes: LockingNotes.make(
            lock: "CREATE UNIQUE INDEX: SHARE (writes wait) for the build; CONCURRENTLY: SHARE UPDATE EXCLUSIVE, and a failure leaves the index INVALID.",
            docs: LockingNotes.createIndex))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let index = statement.node?.createIndex, index.isUnique, let locked = context.lockedTable(index.relation) else { return [] }
        let columns = index.elements.compactMap(\.column)
        let table = context.tableName(index.relation)
        let added = Set(context.relationStatements.before(statement, named: table.name).flatMap { earlier -> [String] in
            guard let alter = earlier.node?.alterTable, context.tableName(alter.relation) == table else { return [] }
            return alter.commands.compactMap { $0.action == .addColumn || $0.action == .addColumnRecurse ? $0.definition?.columnDef?.name : nil }
        })
        if columns.contains(where: added.contains) { return [] }
        if columns.count == index.elements.count, let known = locked.table,
           context.publisherCatalog.indexes(on: known.name).contains(where: { $0.isUnique && !$0.isPartial && Set($0.columns) == Set(columns) }) {
            return []
        }
        let keys = index.elements.map { element in element.column.map(quoteIdentifier) ?? "(\(element.expression?.sqlText ?? "..."))" }
        var conditions = keys.map { "\($0) IS NOT NULL" }
        if let predicate = index.whereClause?.sqlText { conditions.append("(\(predicate))") }
        let list = keys.joined(separator: ", ")
        let query = "SELECT \(list), count(*) FROM \(locked.sql) WHERE \(conditions.joined(separator: " AND ")) GROUP BY \(list) HAVING count(*) > 1;"
        let name = index.name.map { "`\($0)` " } ?? ""
        let invalid = index.isConcurrent ? "; built CONCURRENTLY, a failed build leaves an INVALID index behind" : ""
        var help = "Look for duplicates first, and resolve them before the migration:\n\(query)"
        if index.isConcurrent, let indexName = index.name {
            help += "\nIf the build fails, drop what it left before trying again:\nDROP INDEX CONCURRENTLY \(QualifiedName(table.schema, indexName));"
        }
        return [Violation(range: statement.range,
                          message: "builds unique index \(name)on \(locked.sql) (\(list)) over rows that existed before the file: it fails if any two hold the same key (`could not create unique index`)\(invalid)",
                          help: help)]
    }
}
