import Lint
import Schema
import SQLSource

extension RuleID {
    public static let replicationIdentity: RuleID = "replication-identity"
}

/// Changes that leave a published table without a usable replica identity.
public struct ReplicationIdentityRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationIdentity,
        name: "Replica identity lost or unusable",
        category: .replication,
        defaultSeverity: .error,
        summary: "On a published table: dropping the primary key or replica-identity index (or the constraint whose index it is), REPLICA IDENTITY NOTHING, DEFAULT without a primary key, or an identity a row filter or column list no longer fits.",
        rationale: """
        A table that publishes UPDATE or DELETE needs a replica identity, or the **publisher's own \
        application** breaks: `cannot update table "hosts" because it does not have a replica \
        identity and publishes updates` (and deletes). INSERT still works, so it shows up late, in \
        production traffic. A row filter may only use columns of the replica identity for \
        UPDATE/DELETE, and a column list must cover the replica identity (`Column list used by the \
        publication does not cover the replica identity`). On the subscriber the identity barely \
        matters: apply falls back to the primary key. REPLICA IDENTITY FULL works but makes every \
        UPDATE and DELETE log the whole old row and scan on the subscriber (a warning). \
        `REPLICA IDENTITY USING INDEX` on the primary key's own index is lost with `DROP \
        CONSTRAINT` of the key, as a default identity is (`DROP INDEX` of that index is refused: \
        `cannot drop index links_pkey because constraint links_pkey on table links requires it`). \
        Without a model of the table (no baseline), a dropped constraint named as PostgreSQL names \
        primary keys, `<table>_pkey`, is taken for the primary key: a warning that says so.
        """,
        safeAlternative: """
        Keep a unique, non-partial index on NOT NULL columns as the identity before dropping the \
        old one: `CREATE UNIQUE INDEX CONCURRENTLY hosts_id_idx ON hbi.hosts (id); ALTER TABLE \
        hbi.hosts REPLICA IDENTITY USING INDEX hosts_id_idx;`, then drop the primary key.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts DROP CONSTRAINT hosts_pkey;", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE \"hbi\".\"groups\" REPLICA IDENTITY NOTHING;", baseline: ExampleBaselines.published),
            RuleExample("↓DROP INDEX hbi.hosts_org_id_id_insights_id_idx;", note: "The replica-identity index of the seed's publisher", baseline: ExampleBaselines.columnList),
            RuleExample("↓ALTER TABLE hbi.hosts REPLICA IDENTITY DEFAULT;", note: "The table has no primary key", baseline: ExampleBaselines.columnList),
            RuleExample("CREATE UNIQUE INDEX hosts_id_idx ON hbi.hosts (id);\n↓ALTER TABLE hbi.hosts REPLICA IDENTITY USING INDEX hosts_id_idx;", note: "The row filter reads insights_id, which the new identity lacks", baseline: ExampleBaselines.columnList),
            RuleExample("↓ALTER TABLE hbi.hosts REPLICA IDENTITY FULL;", note: "A warning", baseline: ExampleBaselines.published),
            RuleExample("↓ALTER TABLE links DROP CONSTRAINT links_pkey;", note: "The identity is the primary key's index", baseline: "CREATE TABLE links (id int PRIMARY KEY, url text); ALTER TABLE links REPLICA IDENTITY USING INDEX links_pkey; CREATE PUBLICATION p FOR TABLE links;"),
            RuleExample("SET search_path TO hbi;\n↓DROP INDEX hosts_org_id_id_insights_id_idx;", note: "The index named through the search path", baseline: ExampleBaselines.columnList),
            RuleExample("↓ALTER TABLE links DROP CONSTRAINT links_pkey;", note: "Without a baseline: a warning that says what replint assumed"),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.audit REPLICA IDENTITY NOTHING;", note: "A table outside the publication", baseline: ExampleBaselines.published),
            RuleExample("CREATE TABLE hbi.t (id int);\nALTER TABLE hbi.t REPLICA IDENTITY FULL;", note: "A table created in the same file"),
            RuleExample("ALTER TABLE hbi.hosts DROP CONSTRAINT hosts_pkey;", note: "The publication publishes inserts only", baseline: "CREATE SCHEMA hbi; CREATE TABLE hbi.hosts (id int PRIMARY KEY); CREATE PUBLICATION p FOR TABLE hbi.hosts WITH (publish = 'insert');"),
            RuleExample("CREATE UNIQUE INDEX hosts_id_ins_idx ON hbi.hosts (insights_id, org_id, id);\nALTER TABLE hbi.hosts REPLICA IDENTITY USING INDEX hosts_id_ins_idx;", baseline: ExampleBaselines.columnList),
            RuleExample("DROP INDEX hbi.hosts_display_name_idx;", baseline: ExampleBaselines.published + "\nCREATE INDEX hosts_display_name_idx ON hbi.hosts (display_name);"),
            RuleExample("DROP INDEX links_pkey;", note: "Refused (`constraint links_pkey on table links requires it`): the identity stays", baseline: "CREATE TABLE links (id int PRIMARY KEY, url text); ALTER TABLE links REPLICA IDENTITY USING INDEX links_pkey; CREATE PUBLICATION p FOR TABLE links;"),
            RuleExample("ALTER TABLE links DROP CONSTRAINT links_url_key;", note: "Without a baseline, only a `<table>_pkey` is taken for a primary key"),
        ],
        notes: ReplicationNotes.make(
            order: "Either: the damage is on the publisher, whichever order the file runs in.",
            error: "`cannot update table \"hosts\" because it does not have a replica identity and publishes updates` (and `... publishes deletes`), raised to the publisher's application; `Column list used by the publication does not cover the replica identity`; `cannot update table \"hosts\"` with `Column used in the publication WHERE expression is not part of the replica identity`.",
            docs: ReplicationNotes.replicaIdentity + "; " + ReplicationNotes.rowFilter))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let node = statement.node else { return }
        if let alter = node.alterTable, let table = context.replicatedTable(alter.relation) {
            for (index, command) in alter.commands.enumerated() {
                hazards(command, index, table, statement, context, into: &found)
            }
        } else if let drop = node.drop, drop.objectKind == .index {
            // Whatever name the statement uses, the model resolves it; a table
            // that had an identity and has none after the statement lost it.
            let after = context.publisherCatalog.applying(statement, searchPath: context.searchPath)
            for (index, parts) in drop.objects.enumerated() {
                guard let dropped = context.index(named: parts), let table = context.replicatedTable(dropped.table),
                      context.publisherCatalog.hasUsableReplicaIdentity(dropped.table), !after.hasUsableReplicaIdentity(dropped.table) else { continue }
                let reason = "drops the replica-identity index of `\(dropped.table)`"
                guard table.publishesUpdatesOrDeletes else { found.declare(either: reason, command: index); continue }
                found.report("drops `\(dropped.name)`, the replica identity of \(table.described): \(Self.breaks(table))",
                             help: HelpText.keepIdentity(table, context),
                             needs: .either, because: reason, command: index)
            }
        }
    }

    /// Identity changes need no order; they break the publisher's UPDATE and
    /// DELETE, which matters only when the table publishes them.
    private func hazards(_ command: AlterTableCommand, _ index: Int, _ table: ReplicatedTable, _ statement: Statement,
                         _ context: LintContext, into found: inout Hazards) {
        let reason: String
        switch command.action {
        case .dropConstraint, .dropConstraintRecurse:
            guard table.table != nil else {
                assumedPrimaryKey(command, index, table, context, into: &found)
                return
            }
            guard losesIdentity(table.name, statement, context) else { return }
            reason = "drops the constraint that holds the table's replica identity"
        case .replicaIdentity:
            reason = "changes the replica identity"
        default:
            return
        }
        guard table.publishesUpdatesOrDeletes, let violation = violation(command, table, context) else {
            found.declare(either: reason, command: index)
            return
        }
        found.report(violation.message, help: HelpText.keepIdentity(table, context), severity: violation.severity, needs: .either, because: reason, command: index)
    }

    private func violation(_ command: AlterTableCommand, _ table: ReplicatedTable, _ context: LintContext) -> (message: String, severity: Severity?)? {
        let breaks = Self.breaks(table)
        guard command.action == .replicaIdentity else {
            if case .index(let name)? = table.table?.replicaIdentity {
                return ("drops `\(command.name ?? "")`, and with it `\(name)`, the index that is the replica identity (`REPLICA IDENTITY USING INDEX \(quoteIdentifier(name))`) of \(table.described): \(breaks)", nil)
            }
            return ("drops `\(command.name ?? "")`, the primary key and so the replica identity of \(table.described): \(breaks)", nil)
        }
        guard let identity = command.replicaIdentity else { return nil }
        switch identity.kind {
        case .nothing:
            return ("REPLICA IDENTITY NOTHING on \(table.described): \(breaks)", nil)
        case .default:
            guard let model = table.table, model.primaryKey == nil else { return nil }
            return ("REPLICA IDENTITY DEFAULT on \(table.described), which has no primary key: \(breaks)", nil)
        case .full:
            return ("REPLICA IDENTITY FULL on \(table.described): every UPDATE and DELETE then logs the whole old row and the subscriber finds rows by scanning", .warning)
        case .index:
            return usingIndex(identity.index ?? "", table, context).map { ($0, nil) }
        }
    }

    /// `USING INDEX`: the new identity must cover every row filter's columns and fit every column list.
    private func usingIndex(_ name: String, _ table: ReplicatedTable, _ context: LintContext) -> String? {
        guard let index = context.publisherCatalog.resolveIndex(schema: table.name.schema, name: name, searchPath: context.searchPath) else { return nil }
        for membership in table.memberships {
            let outside = membership.rowFilterColumns.filter { !index.columns.contains($0) }
            if !outside.isEmpty {
                return "the new replica identity `\(index.name)` of \(table.described) lacks \(outside.map { "`\($0)`" }.joined(separator: ", ")), which the row filter of \(membership.publication) reads: UPDATE and DELETE on the publisher then fail (`Column used in the publication WHERE expression is not part of the replica identity`)"
            }
            if let columns = membership.columns, let missing = index.columns.first(where: { !columns.contains($0) }) {
                return "the new replica identity `\(index.name)` of \(table.described) uses `\(missing)`, which the column list of \(membership.publication) leaves out: UPDATE and DELETE on the publisher then fail (`Column list used by the publication does not cover the replica identity`)"
            }
        }
        return nil
    }

    /// PostgreSQL checks a row filter before the identity itself: with one, UPDATE fails in its words.
    static func breaks(_ table: ReplicatedTable) -> String {
        if table.memberships.contains(where: { $0.rowFilter != nil && $0.actions.contains("update") }) {
            return "UPDATE and DELETE on the publisher then fail (`cannot update table \"\(table.name.name)\"`, detail `Column used in the publication WHERE expression is not part of the replica identity.`)"
        }
        return "UPDATE and DELETE on the publisher then fail (`cannot update table \"\(table.name.name)\" because it does not have a replica identity and publishes updates`)"
    }

    /// True when the table has a usable identity before the statement and none after it.
    private func losesIdentity(_ table: QualifiedName, _ statement: Statement, _ context: LintContext) -> Bool {
        guard context.publisherCatalog.hasUsableReplicaIdentity(table) else { return false }
        return !context.publisherCatalog.applying(statement, searchPath: context.searchPath).hasUsableReplicaIdentity(table)
    }

    /// A table the model does not know: a constraint named as PostgreSQL
    /// names primary keys (`<table>_pkey`) is taken for one, and the warning says so.
    private func assumedPrimaryKey(_ command: AlterTableCommand, _ index: Int, _ table: ReplicatedTable, _ context: LintContext,
                                   into found: inout Hazards) {
        guard let name = command.name, name == "\(table.name.name)_pkey" else { return }
        let reason = "drops what is presumably the primary key, the table's replica identity"
        guard table.publishesUpdatesOrDeletes else { found.declare(either: reason, command: index); return }
        let unknown = context.hasBaseline ? "the baseline does not have `\(table.name)`" : "there is no baseline"
        found.report("drops `\(name)` of \(table.described): \(unknown), so replint assumed `\(name)` is its primary key (PostgreSQL names a table's primary key `<table>_pkey`) and its replica identity; if so, \(Self.breaks(table))",
                     severity: .warning, needs: .either, because: reason, command: index)
    }
}
