import Lint
import SQLSource

extension RuleID {
    public static let replicationPublicationDDL: RuleID = "replication-publication-ddl"
}

public struct ReplicationPublicationDDLRule: HazardRule {
    public init() {}

    public let description = RuleDescription(
        id: .replicationPublicationDDL,
        name: "Publication or subscription DDL in a migration",
        category: .replication,
        defaultSeverity: .error,
        summary: "CREATE/ALTER/DROP PUBLICATION or SUBSCRIPTION in a migration.",
        rationale: """
        A migration file runs on both sides. Publication DDL run on the subscriber fails \
        (`publication "hbi_hosts_pub" does not exist`) or creates a publication nobody \
        subscribes to; subscription DDL run on the publisher points it at itself. Replication \
        set-up belongs to the team that owns it, applied on the one side it concerns.
        """,
        safeAlternative: """
        Move the statement to the replication set-up (run on the publisher only for \
        publications, on the subscriber only for subscriptions), and keep migrations to the \
        shape of the tables.
        """,
        triggeringExamples: [
            RuleExample("↓ALTER PUBLICATION hbi_hosts_pub ADD TABLE hbi.groups;"),
            RuleExample("↓CREATE PUBLICATION \"All\" FOR ALL TABLES;"),
            RuleExample("↓DROP PUBLICATION IF EXISTS hbi_hosts_pub;"),
            RuleExample("↓ALTER SUBSCRIPTION hbi_sub REFRESH PUBLICATION;"),
            RuleExample("↓CREATE SUBSCRIPTION s CONNECTION 'host=db dbname=app' PUBLICATION p WITH (connect = false);"),
        ],
        nonTriggeringExamples: [
            RuleExample("ALTER TABLE hbi.hosts ADD COLUMN notes text;"),
            RuleExample("COMMENT ON TABLE hbi.hosts IS 'publication hbi_hosts_pub';"),
            RuleExample("SELECT * FROM pg_publication;"),
        ],
        notes: ReplicationNotes.make(
            order: "Not a migration's business: neither order is right.",
            error: "On the subscriber: `publication \"hbi_hosts_pub\" does not exist`.",
            docs: ReplicationNotes.publication))

    public func hazards(_ statement: Statement, in context: LintContext, into found: inout Hazards) {
        guard let node = statement.node else { return }
        let isPublication = node.createPublication != nil || node.alterPublication != nil || node.drop?.objectKind == .publication
        let isSubscription = ["CreateSubscriptionStmt", "AlterSubscriptionStmt", "DropSubscriptionStmt"].contains(node.kindName)
            || node.drop?.objectKind == .subscription
        let reason = "publication and subscription DDL belongs to the replication set-up, not to a migration"
        if isPublication {
            found.report("publication DDL in a migration: on the subscriber it fails (`publication ... does not exist`) or makes a publication nobody subscribes to; run it on the publisher as replication set-up",
                         help: HelpText.setUp(statement, on: "publisher"), needs: .either, because: reason)
        } else if isSubscription {
            found.report("subscription DDL in a migration: on the publisher it is meaningless or harmful; run it on the subscriber as replication set-up",
                         help: HelpText.setUp(statement, on: "subscriber"), needs: .either, because: reason)
        }
    }
}
