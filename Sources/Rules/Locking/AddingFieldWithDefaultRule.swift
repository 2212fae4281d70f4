import Lint
import Schema
import SQLSource

extension RuleID {
    public static let addingFieldWithDefault: RuleID = "adding-field-with-default"
}

/// ADD COLUMN that rewrites the table: a volatile default, a generated
/// stored or identity column, a domain with constraints, or any default
/// before PostgreSQL 11.
public struct AddingFieldWithDefaultRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .addingFieldWithDefault,
        name: "ADD COLUMN that rewrites the table",
        category: .locking,
        defaultSeverity: .error,
        summary: "ADD COLUMN whose value must be written into every existing row: a volatile default, GENERATED ... STORED, an identity or serial column, a domain with constraints, or (before 11) any default.",
        rationale: """
        Since PostgreSQL 11 a column added with a non-volatile default (a constant, or a stable \
        function such as `now()`) costs nothing: the value is stored once in the catalogue. A \
        volatile default (`random()`, `gen_random_uuid()`, `clock_timestamp()`, a serial's \
        `nextval()`), an identity column, a GENERATED ... STORED column, or a column whose type is \
        a domain with constraints make PostgreSQL rewrite the whole table, under ACCESS EXCLUSIVE, \
        and rebuild every index: nothing reads or writes the table until it is done. Before 11 \
        (`postgres_version: 10`) any non-NULL default rewrites. \(LockingNotes.createdInFile)
        """,
        safeAlternative: """
        Add the column without the default (or with a constant one), backfill existing rows in \
        batches, then `ALTER COLUMN ... SET DEFAULT` for new rows. A generated column: a plain \
        column kept up to date by the application or a trigger.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN token uuid DEFAULT gen_random_uuid();"),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN twice numeric GENERATED ALWAYS AS (price * 2) STORED;"),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;"),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN n bigserial;"),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN rank hbi.positive;", note: "A domain with a CHECK", baseline: LockingBaselines.hosts),
            RuleExample("↓ALTER TABLE hbi.hosts ADD COLUMN flag boolean DEFAULT false;", note: "Before 11 any default rewrites", postgresVersion: 10),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN flag boolean DEFAULT false;", note: "A constant default since 11", postgresVersion: 11),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN created timestamptz NOT NULL DEFAULT now();", note: "A stable function"),
            RuleExample("CREATE TABLE hbi.t (a int);\nALTER TABLE hbi.t ADD COLUMN token uuid DEFAULT gen_random_uuid();", note: "A table created in the same file"),
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN note2 text;"),
        ],
        notes: LockingNotes.make(
            lock: "ACCESS EXCLUSIVE; a rewrite gives the table and each index a new relfilenode.",
            docs: LockingNotes.alterTable))

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let alter = statement.node?.alterTable, let locked = context.lockedTable(alter.relation) else { return [] }
        var reasons: [String] = []
        var steps: [String] = []
        for command in alter.commands where command.action == .addColumn || command.action == .addColumnRecurse {
            guard let def = command.definition?.columnDef, let reason = Self.rewriteReason(def, context) else { continue }
            reasons.append("`\(def.name)` (\(reason))")
            let column = quoteIdentifier(def.name)
            let type = def.typeName.map { context.publisherCatalog.columnType($0, searchPath: context.searchPath).declared } ?? "..."
            steps.append("ALTER TABLE \(locked.sql) ADD COLUMN \(column) \(type);")
            if let value = def.defaultExpression?.sqlText {
                steps.append("ALTER TABLE \(locked.sql) ALTER COLUMN \(column) SET DEFAULT \(value);  -- new rows only, no rewrite")
                steps.append("UPDATE \(locked.sql) SET \(column) = \(value) WHERE \(column) IS NULL AND ...;  -- old rows, in batches")
            }
        }
        guard !reasons.isEmpty else { return [] }
        return [.lock(statement, "adds \(reasons.joined(separator: ", ")) to \(locked.sql): PostgreSQL rewrites the whole table and its indexes under ACCESS EXCLUSIVE",
                      help: "Add the column as a plain one (no rewrite), set the default for new rows, and backfill old rows in batches; a generated or identity column becomes a plain column the application or a trigger fills:\n"
                        + steps.joined(separator: "\n"),
                      predicting: [locked.predicts(.accessExclusive, rewrites: true)])]
    }

    /// Why adding `def` writes every row, or nil when it does not.
    static func rewriteReason(_ def: ColumnDef, _ context: LintContext) -> String? {
        if def.constraints.contains(where: { $0.kind == .generated }) { return "GENERATED ... STORED" }
        if def.constraints.contains(where: { $0.kind == .identity }) { return "an identity column" }
        guard let type = def.typeName else { return nil }
        let resolved = context.publisherCatalog.columnType(type, searchPath: context.searchPath)
        if resolved.isSerial { return "a serial's `nextval()` default" }
        if let expression = def.defaultExpression {
            let value = context.publisherCatalog.columnDefault(of: expression, searchPath: context.searchPath)
            if value.isNullConstant { return nil }
            if value.volatility == .volatile { return "volatile default `\(value.expression)`" }
            if context.postgresVersion < 11 { return "a default, on PostgreSQL \(context.postgresVersion)" }
        }
        let domain = context.publisherCatalog.domains[QualifiedName(parsing: resolved.normalized, defaultSchema: context.searchPath.first ?? "public")]
        if let domain, !domain.checks.isEmpty || domain.isNotNull { return "domain \(domain.name) has constraints to check on every row" }
        return nil
    }
}
