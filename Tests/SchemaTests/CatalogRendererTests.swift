import Foundation
import SQLSource
import Testing
@testable import Schema

struct CatalogRendererTests {
    @Test func textSaysWhereReplicationComesFromAndDescribesEachTable() throws {
        let b = try build(PublicationTests.hbi)
        let text = CatalogRenderer(catalog: b.catalog, configuredTables: nil).text()
        #expect(text.hasPrefix("replicated tables: those the publications publish (hbi_hosts_pub_v1_0_2)"))
        #expect(text.contains("table hbi.hosts (partitioned by hash), replicated"))
        #expect(text.contains("insights_id  uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000'::uuid (immutable)"))
        #expect(text.contains("replica identity: using index hosts_org_id_id_insights_id_idx (org_id, id, insights_id)"))
        #expect(text.contains("published by hbi_hosts_pub_v1_0_2: columns (org_id, id, account, insights_id) WHERE insights_id <> "))
        #expect(text.contains("table hbi.groups, not replicated"))

        let plain = try build("CREATE TABLE t (id int);")
        #expect(CatalogRenderer(catalog: plain.catalog, configuredTables: nil).text().hasPrefix("replicated tables: every table"))
        #expect(CatalogRenderer(catalog: plain.catalog, configuredTables: ["t"]).text().hasPrefix("replicated tables: `replication.tables`"))
    }

    @Test func jsonIsValidAndCarriesTheModel() throws {
        let b = try build(PublicationTests.hbi)
        let json = CatalogRenderer(catalog: b.catalog, configuredTables: nil).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["replicated_by"] as? String == "publications")
        let tables = try #require(object["tables"] as? [[String: Any]])
        let hosts = try #require(tables.first { $0["name"] as? String == "hbi.hosts" })
        #expect(hosts["replica_identity_columns"] as? [String] == ["org_id", "id", "insights_id"])
        let publications = try #require(hosts["publications"] as? [[String: Any]])
        #expect(publications.first?["row_filter_columns"] as? [String] == ["insights_id"])
    }

    @Test func plainInheritanceCopiesTheParentsColumns() throws {
        let b = try build("CREATE TABLE base (id int NOT NULL, at timestamptz DEFAULT now()); CREATE TABLE child (extra text) INHERITS (base);")
        #expect(try table(b, "child").columns.map(\.name) == ["id", "at", "extra"])
        #expect(try column(b, "child", "at").defaultValue?.volatility == .stable)
    }
}

struct MigratedModelTests {
    @Test func migrationsApplyToBothSidesEachFromTheConfiguredSearchPath() throws {
        let publisher = BaselineLoader.load(documents: [try SQLDocument(path: "p.sql", text: "CREATE SCHEMA hbi; CREATE TABLE hbi.t (id int);")], searchPath: ["public"])
        let subscriber = BaselineLoader.load(documents: [try SQLDocument(path: "s.sql", text: "CREATE SCHEMA hbi; CREATE TABLE hbi.t (id int, local int);")], searchPath: ["public"])
        let baselines = Baselines(publisher: publisher, subscriber: subscriber, isShared: false, publisherPaths: ["p.sql"], subscriberPaths: ["s.sql"])
        var model = MigratedModel(baselines: baselines, searchPath: ["hbi"])
        model.apply(try SQLDocument(path: "1.sql", text: "SET search_path TO public; CREATE TABLE u (id int);"))
        model.apply(try SQLDocument(path: "2.sql", text: "ALTER TABLE t ADD COLUMN x int; DROP TABLE nope;"))
        #expect(model.publisher.tables[QualifiedName("public", "u")] != nil)
        #expect(model.publisher.tables[QualifiedName("hbi", "t")]?.columns.map(\.name) == ["id", "x"])
        #expect(model.subscriber?.tables[QualifiedName("hbi", "t")]?.columns.map(\.name) == ["id", "local", "x"])
        #expect(model.warnings.map(\.message) == ["DROP TABLE of unknown table nope"])
        #expect(model.appliedCount == publisher.appliedCount + 4)
    }
}
