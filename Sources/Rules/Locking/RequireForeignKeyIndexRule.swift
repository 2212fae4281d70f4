import Lint
import Schema
import SQLSource

extension RuleID {
    public static let requireForeignKeyIndex: RuleID = "require-foreign-key-index"
}

/// A foreign key whose referencing columns lead no index: every DELETE or
/// key UPDATE on the referenced table scans the referencing one.
public struct RequireForeignKeyIndexRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .requireForeignKeyIndex,
        name: "Foreign key without an index on its columns",
        category: .locking,
        defaultSeverity: .warning,
        summary: "A FOREIGN KEY (CREATE TABLE ... REFERENCES, ALTER TABLE ... ADD FOREIGN KEY) whose referencing columns are not the leading columns of any index of the referencing table.",
        rationale: """
        PostgreSQL indexes the referenced key (it must be unique) but not the referencing columns. \
        Without an index there, every DELETE on the referenced table, and every UPDATE of its key, \
        looks for referencing rows with a sequential scan of the referencing table — per row, while \
        holding the row's lock — and ON DELETE CASCADE / SET NULL scan it again to act on them. On a \
        large table a single `DELETE FROM groups WHERE id = 1` then takes seconds and blocks its \
        writers. An index counts when its leading columns are the key's columns in any order and it \
        is neither partial nor an expression index: one in the baseline, one made earlier in the \
        file, the statement's own PRIMARY KEY or UNIQUE, and also one the file creates later (the \
        usual shape: `CREATE TABLE`, then `CREATE INDEX` on the new table). A warning, not an error: \
        the migration itself takes no lock for it; the cost comes with the first deletes. Reported on \
        tables created in the file too, since that is where the index belongs. squawk does not check this.
        """,
        safeAlternative: """
        Index the referencing columns: `CREATE INDEX ... ON child (fk_column);` after creating a \
        table, or `CREATE INDEX CONCURRENTLY` in an autocommit block for a table that already has rows.
        """,
        triggeringExamples: [
            RuleExample("CREATE TABLE hbi.tags (id bigint PRIMARY KEY, host_id bigint ↓REFERENCES hbi.hosts (id));"),
            RuleExample("CREATE TABLE \"hbi\".\"Tags\" (\"Id\" bigint, \"HostId\" bigint, ↓CONSTRAINT tags_host FOREIGN KEY (\"HostId\") REFERENCES hbi.hosts (id));",
                        note: "Quoted names"),
            RuleExample("ALTER TABLE hbi.hosts ADD ↓CONSTRAINT fk_group FOREIGN KEY (group_id) REFERENCES hbi.groups (id) NOT VALID;",
                        note: "The baseline has no index on group_id", baseline: LockingBaselines.hosts),
            RuleExample("CREATE TABLE hbi.links (a bigint, b bigint, ↓FOREIGN KEY (a, b) REFERENCES hbi.pairs (x, y));\nCREATE INDEX ix_links_b ON hbi.links (b);",
                        note: "An index that leads with only one of the key's columns does not count"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE TABLE hbi.tags (id bigint PRIMARY KEY, host_id bigint REFERENCES hbi.hosts (id));\nCREATE INDEX ix_tags_host ON hbi.tags (host_id);",
                        note: "An index created later in the file counts"),
            RuleExample("ALTER TABLE hbi.hosts ADD CONSTRAINT fk_seen FOREIGN KEY (seen, display_name) REFERENCES hbi.visits (at, name) NOT VALID;",
                        note: "The baseline's ix_hosts_seen_name leads with (seen, display_name)", baseline: LockingBaselines.hosts),
            RuleExample("CREATE TABLE hbi.members (group_id bigint REFERENCES hbi.groups (id), host_id bigint, PRIMARY KEY (group_id, host_id));",
                        note: "The table's own primary key leads with the column"),
            RuleExample("CREATE INDEX ix_hosts_group ON hbi.hosts (group_id);\nALTER TABLE hbi.hosts ADD CONSTRAINT fk_group FOREIGN KEY (group_id) REFERENCES hbi.groups (id) NOT VALID;",
                        note: "An index created earlier in the file", baseline: LockingBaselines.hosts),
            RuleExample("COMMIT;\nCREATE INDEX CONCURRENTLY ix_hosts_group ON hbi.hosts (group_id);\nBEGIN;\nALTER TABLE hbi.hosts ADD CONSTRAINT fk_group FOREIGN KEY (group_id) REFERENCES hbi.groups (id) NOT VALID;\nCOMMIT;",
                        note: "Built concurrently in an autocommit block", baseline: LockingBaselines.hosts),
            RuleExample("CREATE TABLE tags (host_id bigint REFERENCES hosts (id));\nCREATE INDEX ON public.tags (host_id);", note: "Schema-qualified later, unqualified before"),
        ],
        notes: LockingNotes.make(
            lock: "None in the migration. Afterwards: each DELETE or key UPDATE on the referenced table scans the referencing table (ACCESS SHARE on it, plus the referenced row's lock for the whole scan).",
            docs: "https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-FK", LockingNotes.createIndex))

    /// A foreign key the statement declares: its columns, where it is written, and its name.
    struct Declared {
        let columns: [String]
        let constraint: Constraint
    }

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let node = statement.node else { return [] }
        let relation: RangeVar
        var declared: [Declared] = []
        var ownKeys: [[String]] = []
        if let create = node.createTable {
            relation = create.relation
            for column in create.columns {
                for constraint in column.constraints {
                    if constraint.kind == .foreignKey { declared.append(Declared(columns: [column.name], constraint: constraint)) }
                    if constraint.kind == .primaryKey || constraint.kind == .unique { ownKeys.append([column.name]) }
                }
            }
            for constraint in create.tableConstraints {
                if constraint.kind == .foreignKey { declared.append(Declared(columns: constraint.foreignKeyColumns, constraint: constraint)) }
                if constraint.kind == .primaryKey || constraint.kind == .unique { ownKeys.append(constraint.keys) }
            }
        } else if let alter = node.alterTable, alter.objectKind == .table {
            relation = alter.relation
            for added in alter.addedConstraints {
                if added.constraint.kind == .foreignKey { declared.append(Declared(columns: added.columns, constraint: added.constraint)) }
                if (added.constraint.kind == .primaryKey || added.constraint.kind == .unique) && added.constraint.indexName == nil {
                    ownKeys.append(added.columns)
                }
            }
        } else {
            return []
        }
        guard !declared.isEmpty else { return [] }
        let table = context.tableName(relation)
        var keys = ownKeys + Self.laterKeys(table, after: statement, context)
        var unindexed = declared.filter { fk in !fk.columns.isEmpty && !keys.contains { Self.leads($0, fk.columns) } }
        // The model's indexes last, and only for a table it has: a table this
        // statement creates has none there, and the lookup reads every index.
        if !unindexed.isEmpty, context.table(relation) != nil {
            keys = Self.modelKeys(table, context)
            unindexed = unindexed.filter { fk in !keys.contains { Self.leads($0, fk.columns) } }
        }
        return unindexed.map { fk in Self.violation(fk, table: table, relation: relation, statement, context) }
    }

    /// True when `index`'s first columns are `columns`, in any order: the
    /// lookup `WHERE a = $1 AND b = $2` can use it.
    static func leads(_ index: [String], _ columns: [String]) -> Bool {
        index.count >= columns.count && Set(index.prefix(columns.count)) == Set(columns)
    }

    /// The indexes the model has on `table`: the baseline's and the file's so far.
    static func modelKeys(_ table: QualifiedName, _ context: LintContext) -> [[String]] {
        context.publisherCatalog.indexes(on: table).filter { !$0.isPartial }.map { index in
            Array(index.columns.prefix { !$0.hasPrefix("(") })
        }
    }

    /// Indexes the file builds on `table` after `statement`.
    static func laterKeys(_ table: QualifiedName, after statement: Statement, _ context: LintContext) -> [[String]] {
        var out: [[String]] = []
        for later in context.relationStatements.after(statement, named: table.name) {
            if let index = later.node?.createIndex, index.whereClause == nil, context.tableName(index.relation) == table {
                out.append(Array(index.elements.prefix { $0.column != nil }.compactMap(\.column)))
            } else if let alter = later.node?.alterTable, context.tableName(alter.relation) == table {
                for added in alter.addedConstraints where added.constraint.kind == .primaryKey || added.constraint.kind == .unique {
                    out.append(added.columns)
                }
            }
        }
        return out
    }

    static func violation(_ fk: Declared, table: QualifiedName, relation: RangeVar, _ statement: Statement, _ context: LintContext) -> Violation {
        let columns = fk.columns.map(quoteIdentifier).joined(separator: ", ")
        let target = fk.constraint.referencedTable.map { ($0.schema.map { quoteIdentifier($0) + "." } ?? "") + quoteIdentifier($0.name) } ?? "the referenced table"
        let name = fk.constraint.name.map { "`\($0)` " } ?? ""
        let index = quoteIdentifier(([table.name] + fk.columns + ["idx"]).joined(separator: "_"))
        let create = "CREATE INDEX \(index) ON \(table) (\(columns))"
        let help: String
        if context.existedBeforeFile(relation), context.table(relation)?.kind != .partitioned {
            help = "Index the referencing columns without blocking writes, in an autocommit block:\n" + StatementText.autocommitBlock(StatementText.inserting("CONCURRENTLY", after: "INDEX", in: create))
        } else {
            help = "Index the referencing columns, after this statement:\n\(create);"
        }
        let start = statement.range.lowerBound + fk.constraint.location
        return Violation(range: start..<max(start, statement.range.upperBound),
                         message: "foreign key \(name)on \(table) (\(columns)) has no index leading with its columns: every DELETE on \(target), and every UPDATE of its key, scans \(table) for referencing rows",
                         help: help)
    }
}
