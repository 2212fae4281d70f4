import Testing
import Lint
@testable import PGServers
import PGClient
import PGTestSupport
import Rules
import Schema
import SQLSource

/// A column a column list leaves out never replicates: dropping it is safe
/// in either order, but making it NOT NULL without a default on the
/// subscriber breaks every replicated INSERT there.
extension ReplicationTests {
    @Suite struct UnlistedColumns {
        static let publication = "CREATE PUBLICATION p FOR TABLE hbi.hosts (id, display_name)"

        func findings(_ migration: String) throws -> [Finding] {
            var linter = Linter(rules: RuleRegistry.all)
            linter.baselines = try Baselines.fromSQL(hostsSchema + ";\n" + Self.publication + ";")
            let document = try SQLDocument(path: "migration.sql", text: migration)
            return withExtendedLifetime(document) { linter.lint(document) }
        }

        @Test func droppingAnUnlistedColumnPublisherFirstKeepsReplicating() throws {
            let migration = "-- replint: apply-order publisher-first\nALTER TABLE hbi.hosts DROP COLUMN canonical_facts;"
            try withPair(publication: Self.publication) { pair in
                try pair.execute("ALTER TABLE hbi.hosts DROP COLUMN canonical_facts", on: .publisher)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two')", on: .publisher)
                try expectCatchesUp(pair)
                try pair.execute("ALTER TABLE hbi.hosts DROP COLUMN canonical_facts", on: .subscriber)
                try pair.execute("INSERT INTO hbi.hosts VALUES (3, 'three')", on: .publisher)
                try expectCatchesUp(pair)
                #expect(try pair.rows(on: .subscriber, sql: allHosts) == pair.rows(on: .publisher, sql: allHosts))
            }
            let found = try findings(migration)
            #expect(found.filter { $0.category == .replication && $0.severity == .error }.isEmpty, "\(found.map(\.message))")
        }

        @Test func anUnlistedColumnRequiredOnTheSubscriberStopsApply() throws {
            let migration = "ALTER TABLE hbi.hosts ALTER COLUMN canonical_facts SET NOT NULL;"
            let seen = try withPair(seed: nil, publication: Self.publication) { pair -> String in
                try pair.execute(migration, on: .subscriber)
                try pair.execute(migration, on: .publisher)
                try pair.execute("INSERT INTO hbi.hosts VALUES (2, 'two', '{}')", on: .publisher)
                let catchUp = try pair.waitForCatchUp()
                #expect(catchUp.outcome == .applyFailed)
                return try #require(catchUp.errors.first?.message)
            }
            #expect(seen == "null value in column \"canonical_facts\" of relation \"hosts\" violates not-null constraint")
            let found = try findings(migration).filter { $0.ruleID == "replication-column-list" }
            #expect(found.map(\.severity) == [.error])
            #expect(found.first?.message.contains("`\(seen)`") == true, "\(found.map(\.message))")
        }
    }
}
