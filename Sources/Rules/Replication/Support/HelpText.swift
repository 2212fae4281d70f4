import Lint
import Schema
import SQLSource

/// Help lines built from the statement and the model: the SQL to write
/// instead, naming the finding's own table, column, publication and index.
/// A rule's page keeps its general advice; a finding says what to do here.
enum HelpText {
    /// The statement's text on one line, for quoting it in advice.
    static func quoted(_ statement: Statement) -> String {
        var text = statement.text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " ")
        if !text.hasSuffix(";") { text += ";" }
        return "`\(text)`"
    }

    /// A column's type as the model spells it, for an ADD COLUMN the help writes.
    static func type(of column: String, in table: ReplicatedTable) -> String {
        table.table?.column(named: column)?.declaredType ?? table.subscriberTable?.column(named: column)?.declaredType ?? "<type>"
    }

    /// The type an ADD COLUMN definition gives, as PostgreSQL spells it.
    static func type(of def: ColumnDef, _ context: LintContext) -> String {
        def.typeName.map { context.publisherCatalog.columnType($0, searchPath: context.searchPath).declared } ?? "<type>"
    }

    /// The columns a batched UPDATE can page through: the replica identity, else the primary key.
    static func keyColumns(of table: ReplicatedTable, _ context: LintContext) -> String {
        let columns = context.publisherCatalog.replicaIdentityColumns(of: table.name)
        return columns.isEmpty ? "id" : columns.map(quoteIdentifier).joined(separator: ", ")
    }

    static func typeChange(_ statement: Statement, table: ReplicatedTable, column: String, order: ApplyOrder, newType: String?) -> String {
        let quotedColumn = quoteIdentifier(column)
        switch order {
        case .subscriberFirst:
            return "Ship \(quoted(statement)) alone, in a file declared `-- replint: apply-order subscriber-first`, and the publisher's copy after it."
        case .publisherFirst:
            return "First check on the publisher that every row fits the subscriber's current type, then ship \(quoted(statement)) alone in a file declared `-- replint: apply-order publisher-first`."
        default:
            let newColumn = quoteIdentifier("\(column)_new")
            return "Add a column of the new type on both sides, subscriber-first (`ALTER TABLE \(table.name) ADD COLUMN \(newColumn) \(newType ?? "<new type>");`), fill it on the publisher only (`UPDATE \(table.name) SET \(newColumn) = \(quotedColumn) WHERE \(newColumn) IS NULL;`, in batches), switch readers and writers to it, then drop `\(column)` publisher-first."
        }
    }
}

extension HelpText {
    static func renameColumn(_ table: ReplicatedTable, old: String, new: String) -> String {
        let (o, n) = (quoteIdentifier(old), quoteIdentifier(new))
        return "Expand and contract instead: `ALTER TABLE \(table.name) ADD COLUMN \(n) \(type(of: old, in: table));` on both sides, subscriber-first; fill it on the publisher only (`UPDATE \(table.name) SET \(n) = \(o) WHERE \(n) IS NULL;`, in batches) while the application writes both; once nothing reads `\(old)`, `ALTER TABLE \(table.name) DROP COLUMN \(o);` publisher-first."
    }

    static func replaceTable(_ table: ReplicatedTable, with new: QualifiedName) -> String {
        let publications = table.memberships.map(\.publication)
        let publish = publications.isEmpty ? "publish it" : publications.map { "`ALTER PUBLICATION \($0) ADD TABLE \(new);`" }.joined(separator: " and ")
        return "Keep `\(table.name)` and build its successor beside it: `CREATE TABLE \(new) (LIKE \(table.name) INCLUDING ALL);` on both sides, subscriber-first; on the publisher \(publish), then `ALTER SUBSCRIPTION ... REFRESH PUBLICATION;` on the subscriber; copy the rows on the publisher, switch the application, and drop `\(table.name)` publisher-first."
    }

    static func renameSchema(_ old: String, _ new: String) -> String {
        "Keep schema `\(old)`: create `\(new)` on both sides and move its replicated tables one by one as new tables (create beside, publish, refresh the subscription, copy, switch, drop), or leave the name as it is."
    }

    static func renameEnumLabel(_ enumName: String, old: String, new: String, users: [String]) -> String {
        let update = users.first.map { "`UPDATE \($0.filter { $0 != "`" }) SET <column> = '\(new)' WHERE <column> = '\(old)';`" } ?? "an UPDATE of the rows that carry it"
        return "Add the new label instead: `ALTER TYPE \(enumName) ADD VALUE '\(new)';` subscriber-first; move the rows on the publisher only (\(update)); leave '\(old)' in the type (PostgreSQL cannot drop a label)."
    }

    static func addRequiredColumn(_ table: ReplicatedTable, column: String, type: String) -> String {
        let c = quoteIdentifier(column)
        return "Add it nullable on both sides, subscriber-first (`ALTER TABLE \(table.name) ADD COLUMN \(c) \(type);`), fill it on the publisher (`UPDATE \(table.name) SET \(c) = ... WHERE \(c) IS NULL;`), then `ALTER TABLE \(table.name) ALTER COLUMN \(c) SET NOT NULL;` publisher-first; or give it a constant default: `ALTER TABLE \(table.name) ADD COLUMN \(c) \(type) NOT NULL DEFAULT <constant>;`."
    }

    static func volatileDefault(_ table: ReplicatedTable, column: String, type: String, expression: String?) -> String {
        let c = quoteIdentifier(column)
        let value = expression ?? "<value>"
        let setDefault = expression.map { " then `ALTER TABLE \(table.name) ALTER COLUMN \(c) SET DEFAULT \($0);` on both sides;" } ?? ""
        return "Add it without the default on both sides, subscriber-first (`ALTER TABLE \(table.name) ADD COLUMN \(c) \(type);`); fill the existing rows on the publisher only, so the values replicate (`UPDATE \(table.name) SET \(c) = \(value) WHERE \(c) IS NULL;`, in batches);\(setDefault) new rows then get one value, the publisher's."
    }

    static func dataChange(_ statement: Statement, _ table: ReplicatedTable, _ context: LintContext) -> String {
        let key = keyColumns(of: table, context)
        return "Take \(quoted(statement)) out of the migration and run it on the publisher only (a job, or a file that is applied there alone); its rows reach the subscriber by replication. For many rows, in batches: `... WHERE (\(key)) IN (SELECT \(key) FROM \(table.name) WHERE ... LIMIT 10000)`."
    }

    static func truncate(_ statement: Statement, _ tables: [ReplicatedTable]) -> String {
        let names = tables.map { "`\($0.name)`" }.joined(separator: ", ")
        return "Take \(quoted(statement)) out of the migration and run it on the publisher only: TRUNCATE of \(names) replicates by itself; first make sure no subscriber-only foreign key references \(names) (the subscriber applies it with RESTRICT)."
    }

    static func triggerForReplicatedRows(_ table: ReplicatedTable, trigger: String) -> String {
        "If the subscriber needs `\(trigger)`'s effect for replicated rows, run `ALTER TABLE \(table.name) ENABLE ALWAYS TRIGGER \(quoteIdentifier(trigger));` there as well; if not, suppress this finding with that reason."
    }

    static func alwaysTrigger(_ table: ReplicatedTable, trigger: String) -> String {
        "When the publisher's rows already carry `\(trigger)`'s result, keep it publisher-only: `ALTER TABLE \(table.name) ENABLE TRIGGER \(quoteIdentifier(trigger));`."
    }

    static func applyOrder(_ statement: Statement, needs order: ApplyOrder) -> String {
        "Move \(quoted(statement)) to a file of its own that starts with `-- replint: apply-order \(order.rawValue)` (`replint plan FILE` shows the split)."
    }

    static func unsafeOrder(_ statement: Statement, prerequisite: String?) -> String {
        guard let prerequisite else {
            return "No order makes \(quoted(statement)) safe: replace it with an expand-and-contract sequence (new object beside the old, subscriber-first; backfill on the publisher; drop the old publisher-first)."
        }
        return "Ship `\(prerequisite)` first, in a file declared `-- replint: apply-order subscriber-first`, then \(quoted(statement)) in one declared `-- replint: apply-order publisher-first`."
    }
}

extension HelpText {
    /// `ALTER PUBLICATION p SET TABLE t (a, b) WHERE (...);` with `columns` as the list.
    static func setTable(_ membership: PublicationMembership, _ table: ReplicatedTable, columns: [String]) -> String {
        let filter = membership.rowFilter.map { " WHERE (\($0))" } ?? ""
        return "`ALTER PUBLICATION \(membership.publication) SET TABLE \(table.name) (\(columns.map(quoteIdentifier).joined(separator: ", ")))\(filter);`"
    }

    static func dropListedColumn(_ statement: Statement, _ table: ReplicatedTable, column: String) -> String {
        let lists = table.memberships.filter { $0.columns?.contains(column) == true }
        let first = lists.map { setTable($0, table, columns: ($0.columns ?? []).filter { $0 != column }) }.joined(separator: " and ")
        return "First take `\(column)` out of the column list, on the publisher: \(first); then run \(quoted(statement)) publisher-first."
    }

    static func listNewColumn(_ table: ReplicatedTable, column: String) -> String {
        let lists = table.memberships.filter { $0.columns != nil }
        let set = lists.map { setTable($0, table, columns: ($0.columns ?? []) + [column]) }.joined(separator: " and ")
        return "Add the column on both sides (subscriber-first), then list it on the publisher (\(set)) and run `ALTER SUBSCRIPTION ... REFRESH PUBLICATION;` on the subscriber; or suppress this if `\(column)` is meant to stay unpublished."
    }

    /// Another identity for the table before the current one goes.
    static func keepIdentity(_ table: ReplicatedTable, _ context: LintContext) -> String {
        let current = context.publisherCatalog.replicaIdentityColumns(of: table.name)
        let columns = current.isEmpty ? "<unique NOT NULL columns>" : current.map(quoteIdentifier).joined(separator: ", ")
        let index = quoteIdentifier("\(table.name.name)_\(current.isEmpty ? "identity" : current.joined(separator: "_"))_idx")
        return "Give `\(table.name)` another replica identity first: `CREATE UNIQUE INDEX CONCURRENTLY \(index) ON \(table.name) (\(columns));` (NOT NULL columns), then `ALTER TABLE \(table.name) REPLICA IDENTITY USING INDEX \(index);`; only then drop or change the old one."
    }
}

extension HelpText {
    static func sequenceChange(_ statement: Statement) -> String {
        "Sequences are not replicated: run \(quoted(statement)) on each side with values that cannot collide, or on the subscriber only when it takes over (from the replicated maximum)."
    }

    static func setUp(_ statement: Statement, on side: String) -> String {
        "Take \(quoted(statement)) out of the migration and run it on the \(side) as replication set-up, with whoever runs the publication and subscription."
    }

    static func partitionFirst(_ statement: Statement) -> String {
        "Ship \(quoted(statement)) alone, in a file declared `-- replint: apply-order subscriber-first`, so the subscriber has the partition before the publisher routes rows to it."
    }

    static func primaryKey(_ name: QualifiedName) -> String {
        "Give `\(name)` a primary key in this statement (`id bigint PRIMARY KEY`, say), or set an identity later in the same file: `ALTER TABLE \(name) ADD PRIMARY KEY (...);` or `ALTER TABLE \(name) REPLICA IDENTITY USING INDEX <unique index on NOT NULL columns>;`."
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return s
    }
}
