import Lint
import Schema
import SQLSource

extension RuleID {
    public static let banCreateDomainWithConstraint: RuleID = "ban-create-domain-with-constraint"
}

public struct BanCreateDomainWithConstraintRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .banCreateDomainWithConstraint,
        name: "Domain with a constraint",
        category: .conventions,
        defaultSeverity: .warning,
        summary: "CREATE DOMAIN with a CHECK or NOT NULL constraint.",
        rationale: """
        A domain's constraint holds for every column of every table that uses the domain, so it can \
        only change for all of them at once: `ALTER DOMAIN ... ADD CONSTRAINT` checks every such \
        table under a lock that blocks its writes, and there is no way to relax or tighten it one \
        table at a time. A NOT NULL on a domain is not enforced everywhere (outer joins, function \
        results, columns added without a default still yield NULL). Adding a column of a domain with \
        a CHECK rewrites the table.
        """,
        safeAlternative: """
        Create the domain without constraints and put the rule on each column: `CREATE DOMAIN \
        hbi.email AS text;` and `ALTER TABLE hbi.users ADD CONSTRAINT users_email_check CHECK (email \
        LIKE '%@%');`.
        """,
        triggeringExamples: [
            RuleExample("CREATE DOMAIN hbi.positive AS int ↓CHECK (VALUE > 0);"),
            RuleExample("CREATE DOMAIN \"hbi\".\"Email\" AS text ↓NOT NULL ↓CONSTRAINT has_at CHECK (VALUE LIKE '%@%');", note: "Quoted names; one finding per constraint"),
            RuleExample("CREATE DOMAIN code AS varchar(3) DEFAULT 'x' ↓CHECK (char_length(VALUE) = 3);"),
        ],
        nonTriggeringExamples: [
            RuleExample("CREATE DOMAIN hbi.email AS text;"),
            RuleExample("CREATE DOMAIN hbi.label AS text DEFAULT '';", note: "A default is not a constraint"),
            RuleExample("CREATE DOMAIN hbi.note AS text NULL COLLATE \"C\";"),
        ],
        notes: [ConventionNotes.category, ConventionNotes.squawk("squawk also reports a domain with only a DEFAULT, which constrains nothing; replint does not.")])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let domain = statement.node?.createDomain else { return [] }
        let name = spelled(domain.names)
        let base = domain.baseType.map { context.publisherCatalog.columnType($0, searchPath: context.searchPath).declared } ?? "text"
        return domain.constraints.filter { $0.kind == .check || $0.kind == .notNull }.map { constraint in
            let offset = statement.range.lowerBound + constraint.location
            return Violation(range: offset..<offset + 1,
                             message: "domain `\(name)` carries a \(constraint.kind == .check ? "CHECK" : "NOT NULL") constraint: it can later change only for every column of every table using the domain at once",
                             help: "Create it without the constraint (`CREATE DOMAIN \(name) AS \(base);`) and put the rule on each column as a table constraint (`ALTER TABLE ... ADD CONSTRAINT ... CHECK (...) NOT VALID;`).")
        }
    }
}
