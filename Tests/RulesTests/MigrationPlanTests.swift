import Foundation
import Testing
import Lint
import Rules
import Schema
import SQLSource

@Suite struct MigrationPlanTests {
    static let baseline = """
    CREATE SCHEMA hbi;
    CREATE TABLE hbi.hosts (id uuid PRIMARY KEY, canonical_facts jsonb NOT NULL, tags jsonb, display_name text);
    CREATE PUBLICATION p FOR TABLE hbi.hosts;
    """

    func plan(_ sql: String, baseline: String? = baseline) throws -> MigrationPlan {
        let document = try SQLDocument(path: "m.sql", text: sql)
        var linter = Linter(rules: RuleRegistry.all)
        if let baseline { linter.baselines = try Baselines.fromSQL(baseline) }
        return MigrationPlanner.plan(document, linter: linter)
    }

    @Test func additiveFileFitsSubscriberFirst() throws {
        let p = try plan("BEGIN;\nALTER TABLE hbi.hosts ADD COLUMN notes text;\nCREATE INDEX hosts_notes ON hbi.hosts (notes);\nCOMMIT;")
        #expect(p.verdict == .fits(.subscriberFirst))
        #expect(p.entries.map(\.order) == [.subscriberFirst, .subscriberFirst])
        #expect(p.entries.map(\.line) == [2, 3])
        #expect(p.isSafeAsDeclared)
    }

    @Test func narrowingFileNeedsPublisherFirst() throws {
        let p = try plan("ALTER TABLE hbi.hosts DROP COLUMN tags;")
        #expect(p.verdict == .needsOrder(.publisherFirst))
        #expect(!p.isSafeAsDeclared)
        let declared = try plan("-- replint: apply-order publisher-first\nALTER TABLE hbi.hosts DROP COLUMN tags;")
        #expect(declared.verdict == .fits(.publisherFirst))
    }

    @Test func droppingARequiredColumnSplitsIntoDropNotNullThenDrop() throws {
        let p = try plan("ALTER TABLE hbi.hosts DROP COLUMN canonical_facts;")
        #expect(p.verdict == .split)
        #expect(p.parts.map(\.order) == [.subscriberFirst, .publisherFirst])
        #expect(p.parts.first?.statements == ["ALTER TABLE hbi.hosts ALTER COLUMN canonical_facts DROP NOT NULL;"])
        #expect(p.parts.last?.statements == ["ALTER TABLE hbi.hosts DROP COLUMN canonical_facts;"])
    }

    @Test func mixedFileIsSplitInOrder() throws {
        let p = try plan("ALTER TABLE hbi.hosts ADD COLUMN notes text;\nALTER TABLE hbi.hosts ALTER COLUMN display_name SET NOT NULL;\nSELECT 1;")
        #expect(p.verdict == .split)
        #expect(p.parts.map(\.statements) == [["ALTER TABLE hbi.hosts ADD COLUMN notes text;"],
                                              ["ALTER TABLE hbi.hosts ALTER COLUMN display_name SET NOT NULL;", "SELECT 1;"]])
    }

    @Test func renameIsUnsafeWhateverTheSplit() throws {
        let p = try plan("ALTER TABLE hbi.hosts RENAME COLUMN tags TO labels;")
        #expect(p.verdict == .unsafe)
        #expect(p.blocked.first?.rule == "replication-rename")
    }

    @Test func oppositeCommandsInOneAlterAreUnsafe() throws {
        let p = try plan("ALTER TABLE hbi.hosts ADD COLUMN notes text, ALTER COLUMN display_name SET NOT NULL;")
        #expect(p.entries.first?.order == .unsafe)
        #expect(p.verdict == .unsafe)
    }

    @Test func tablesOutsideThePublicationNeedNoOrder() throws {
        let p = try plan("CREATE TABLE hbi.local (id int PRIMARY KEY);\nALTER TABLE hbi.local DROP COLUMN id;")
        #expect(p.entries.allSatisfy { $0.order == .either })
        #expect(p.verdict == .fits(.subscriberFirst))
    }

    @Test func withoutABaselineDropColumnIsPublisherFirstWithTheCaveat() throws {
        let p = try plan("ALTER TABLE hosts DROP COLUMN tags;", baseline: nil)
        #expect(p.entries.first?.order == .publisherFirst)
        #expect(p.entries.first?.reason.contains("nullable or has a default") == true)
    }

    @Test func jsonCarriesTheVerdictAndParts() throws {
        let text = try plan("ALTER TABLE hbi.hosts DROP COLUMN canonical_facts;").json()
        let root = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["verdict"] as? String == "split")
        #expect(root["safe_as_declared"] as? Bool == false)
        #expect((root["parts"] as? [[String: Any]])?.count == 2)
        #expect((root["statements"] as? [[String: Any]])?.first?["order"] as? String == "unsafe")
    }
}
