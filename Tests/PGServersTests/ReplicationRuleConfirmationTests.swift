import Testing
import Lint
@testable import PGServers
import PGClient
import PGTestSupport
import Rules
import Schema
import SQLSource

/// The replication rules against a real pair: each migration really breaks
/// replication (or loses data) when applied in its declared order, replint
/// flags the same file, and the finding quotes what PostgreSQL said.
extension ReplicationTests {
    @Suite struct RuleConfirmation {
        static let publication = "CREATE PUBLICATION p FOR TABLE hbi.hosts"

        /// Lints `migration` against the pair's own schema and publication.
        func findings(_ migration: String, schema: String = hostsSchema, publication: String = publication) throws -> [Finding] {
            var linter = Linter(rules: RuleRegistry.all)
            linter.baselines = try Baselines.fromSQL(schema + ";\n" + publication + ";")
            let document = try SQLDocument(path: "migration.sql", text: migration)
            return withExtendedLifetime(document) { linter.lint(document) }
        }

        func errors(_ findings: [Finding]) -> [Finding] { findings.filter { $0.severity == .error } }

        /// The part of an apply-worker message a finding quotes: after "is " for missing columns.
        func quoted(_ message: String) -> String {
            message.firstRange(of: "is missing").map { String(message[message.index($0.lowerBound, offsetBy: 3)...]) } ?? message
        }

        @Test func dropColumnSubscriberFirst() throws {
            let migration = "ALTER TABLE hbi.hosts DROP COLUMN canonical_facts;"
            let seen = try withPair { pair -> String in
                try pair.execute(migration, on: .subscriber)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', '{}')", on: .publisher)
                let catchUp = try pair.waitForCatchUp()
                #expect(catchUp.outcome == .applyFailed)
                return try #require(catchUp.errors.first?.message)
            }
            #expect(seen.contains("is missing replicated column: \"canonical_facts\""))
            let found = errors(try findings(migration))
            #expect(found.map(\.ruleID) == ["replication-apply-order"])
            #expect(found.first?.message.contains(quoted(seen)) == true, "\(found.map(\.message)) vs \(seen)")
        }

        @Test(arguments: [ApplyOrder.subscriberFirst, .publisherFirst])
        func renameColumnBreaksInBothOrders(order: ApplyOrder) throws {
            let migration = "-- replint: apply-order \(order.rawValue)\nALTER TABLE hbi.hosts RENAME COLUMN canonical_facts TO facts;"
            let seen = try withPair { pair -> String in
                try pair.execute(migration, on: order == .subscriberFirst ? .subscriber : .publisher)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', '{}')", on: .publisher)
                let catchUp = try pair.waitForCatchUp()
                #expect(catchUp.outcome == .applyFailed)
                return try #require(catchUp.errors.first?.message)
            }
            #expect(seen.contains("is missing replicated column"))
            let found = errors(try findings(migration))
            #expect(found.map(\.ruleID) == ["replication-rename"])
            #expect(found.first?.message.contains("missing replicated column") == true)
            #expect(found.first?.message.contains("ALTER SUBSCRIPTION ... SKIP") == true)
        }

        @Test func addRequiredColumnSubscriberFirst() throws {
            let migration = "ALTER TABLE hbi.hosts ADD COLUMN org_id text NOT NULL;"
            let seen = try withPair(seed: nil) { pair -> String in
                try pair.execute(migration, on: .subscriber)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', '{}')", on: .publisher)
                let catchUp = try pair.waitForCatchUp()
                #expect(catchUp.outcome == .applyFailed)
                return try #require(catchUp.errors.first?.message)
            }
            #expect(seen == "null value in column \"org_id\" of relation \"hosts\" violates not-null constraint")
            let found = errors(try findings(migration))
            #expect(found.map(\.ruleID) == ["replication-add-required-column"])
            let message = try #require(found.first?.message)
            #expect(message.contains("null value in column \"org_id\"") && message.contains("violates not-null constraint"))
        }

        @Test func droppingThePrimaryKeyBreaksThePublishersUpdates() throws {
            let migration = "ALTER TABLE hbi.hosts DROP CONSTRAINT hosts_pkey;"
            let seen = try withPair { pair -> String? in
                try pair.execute(migration, on: .publisher)
                return serverError { try pair.execute("UPDATE hbi.hosts SET display_name = 'uno' WHERE id = 1", on: .publisher) }?.message
            }
            let message = try #require(seen)
            #expect(message == "cannot update table \"hosts\" because it does not have a replica identity and publishes updates")
            let found = errors(try findings(migration))
            #expect(found.map(\.ruleID) == ["replication-identity"])
            #expect(found.first?.message.contains(message) == true)
        }

        @Test func columnListTableLosesTheNewColumn() throws {
            let publication = "CREATE PUBLICATION p FOR TABLE hbi.hosts (id, display_name, canonical_facts)"
            let migration = "ALTER TABLE hbi.hosts ADD COLUMN notes text;"
            let subscriberValue = try withPair(publication: publication) { pair -> String?? in
                try pair.execute(migration, on: .subscriber)
                try pair.execute(migration, on: .publisher)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', '{}', 'a note')", on: .publisher)
                let catchUp = try pair.waitForCatchUp()
                #expect(catchUp.outcome == .caughtUp)
                return try pair.rows(on: .subscriber, sql: "SELECT notes FROM hbi.hosts WHERE id = 2").first?.first
            }
            #expect(subscriberValue == .some(nil), "the row arrived, without its note")
            let found = try findings(migration, publication: publication).filter { $0.ruleID == "replication-column-list" }
            #expect(found.count == 1)
            #expect(found.first?.severity == .warning)
            #expect(found.first?.message.contains("is not replicated until the list names it") == true)
        }

        @Test func nullableColumnAndNewTableReplicateAndPass() throws {
            let migration = """
            BEGIN;
            ALTER TABLE hbi.hosts ADD COLUMN notes text;
            CREATE TABLE hbi.groups (id bigint PRIMARY KEY, name text);
            COMMIT;
            """
            let publication = "CREATE PUBLICATION p FOR ALL TABLES"
            try withPair(publication: publication) { pair in
                try pair.execute(migration, on: .subscriber)
                try pair.execute(migration, on: .publisher)
                try pair.refreshPublication()
                try pair.waitForSynchronisation()
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', '{}', 'n'); INSERT INTO hbi.groups VALUES (1, 'g')", on: .publisher)
                let catchUp = try pair.waitForCatchUp()
                #expect(catchUp.outcome == .caughtUp)
                #expect(try pair.rows(on: .subscriber, sql: allHosts) == pair.rows(on: .publisher, sql: allHosts))
                #expect(try pair.rows(on: .subscriber, sql: "SELECT * FROM hbi.groups") == [["1", "g"]])
            }
            let found = try findings(migration, publication: publication)
            #expect(errors(found).isEmpty, "\(found.map(\.message))")
            #expect(found.map(\.ruleID) == ["replication-refresh-needed"])
        }

        /// Why a new foreign key needs no apply order: the apply worker runs
        /// with session_replication_role = replica, so it is not checked.
        @Test func subscriberOnlyForeignKeyIsNotCheckedForReplicatedRows() throws {
            let schema = hostsSchema + "CREATE TABLE hbi.groups (id bigint PRIMARY KEY); CREATE TABLE hbi.members (id bigint PRIMARY KEY, group_id bigint);"
            let migration = "ALTER TABLE hbi.members ADD CONSTRAINT members_group_fk FOREIGN KEY (group_id) REFERENCES hbi.groups (id);"
            try withPair(schema: schema, seed: nil, publication: "CREATE PUBLICATION p FOR TABLE hbi.members") { pair in
                try pair.execute(migration, on: .subscriber)
                try pair.execute("INSERT INTO hbi.members VALUES (1, 42)", on: .publisher)
                let catchUp = try pair.waitForCatchUp()
                #expect(catchUp.outcome == .caughtUp, "\(catchUp.errors.map(\.message))")
                #expect(try pair.rows(on: .subscriber, sql: "SELECT group_id FROM hbi.members") == [["42"]])
            }
            let found = try findings(migration, schema: schema, publication: "CREATE PUBLICATION p FOR TABLE hbi.members")
            #expect(found.filter { $0.ruleID == "replication-apply-order" }.isEmpty, "\(found.map(\.message))")
        }
    }
}
