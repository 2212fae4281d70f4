import Testing
@testable import Schema

/// Temporary and unlogged tables, materialized views and tables made from
/// a query: how the model holds them, and that none counts as replicated.
struct NeverPublishedRelationTests {
    static let baseline = """
        CREATE SCHEMA hbi;
        CREATE TABLE hbi.hosts (id uuid PRIMARY KEY, org_id text);
        CREATE UNLOGGED TABLE hbi.hosts_cache (id uuid PRIMARY KEY);
        CREATE MATERIALIZED VIEW hbi.host_counts AS SELECT org_id, count(*) AS n FROM hbi.hosts GROUP BY org_id WITH NO DATA;
        CREATE PUBLICATION everything FOR ALL TABLES;
        """

    @Test func forAllTablesPublishesNeitherUnloggedTablesNorMaterializedViews() throws {
        let b = try build(Self.baseline)
        #expect(b.catalog.isReplicated(QualifiedName("hbi", "hosts")))
        #expect(!b.catalog.isReplicated(QualifiedName("hbi", "hosts_cache")))
        #expect(!b.catalog.isReplicated(QualifiedName("hbi", "host_counts")))
        #expect(b.catalog.publications(publishing: QualifiedName("hbi", "hosts_cache")).isEmpty)
        #expect(b.catalog.neverPublished(QualifiedName("hbi", "hosts_cache")) == "an unlogged table")
        #expect(b.catalog.neverPublished(QualifiedName("hbi", "host_counts")) == "a materialized view")
        #expect(b.catalog.neverPublished(QualifiedName("hbi", "hosts")) == nil)
    }

    @Test func withoutPublicationsEveryTableButTheseCounts() throws {
        let b = try build("""
            CREATE TABLE hosts (id int);
            CREATE UNLOGGED TABLE scratch (id int);
            CREATE TEMP TABLE moved (id int) ON COMMIT DROP;
            CREATE MATERIALIZED VIEW counts AS SELECT count(*) FROM hosts;
            CREATE VIEW v AS SELECT id FROM hosts;
            """)
        #expect(b.catalog.isReplicated(QualifiedName("public", "hosts")))
        for name in [QualifiedName("public", "scratch"), QualifiedName("pg_temp", "moved"), QualifiedName("public", "counts"), QualifiedName("public", "v")] {
            #expect(!b.catalog.isReplicated(name), "\(name)")
            #expect(!b.catalog.isReplicated(name, configuredTables: [name.description]), "\(name)")
        }
    }

    @Test func aTemporaryTableShadowsTheSearchPathAndIsFoundFirst() throws {
        let b = try build("""
            CREATE TABLE hosts (id int, name text);
            CREATE TEMP TABLE hosts (id int);
            ALTER TABLE hosts ADD COLUMN note text;
            CREATE INDEX hosts_note ON hosts (note);
            """)
        let temporary = try table(b, "pg_temp.hosts")
        #expect(temporary.isTemporary)
        #expect(temporary.columns.map(\.name) == ["id", "note"])
        #expect(try table(b, "public.hosts").columns.map(\.name) == ["id", "name"])
        #expect(b.catalog.resolveTable(schema: nil, name: "hosts", searchPath: ["public"]) == QualifiedName("pg_temp", "hosts"))
        #expect(b.catalog.table(named: "hosts")?.name == QualifiedName("pg_temp", "hosts"))
        #expect(b.catalog.indexes[QualifiedName("pg_temp", "hosts_note")] != nil)
    }

    @Test func theNextSessionHasNoTemporaryTables() throws {
        var catalog = try build("CREATE TABLE hosts (id int);\nCREATE TEMP TABLE staging (id int);").catalog
        catalog.endSession()
        #expect(catalog.tables.keys.sorted() == [QualifiedName("public", "hosts")])
        #expect(!catalog.schemas.contains("pg_temp"))
    }

    @Test func tablesMadeFromAQueryAreTablesWithTheQuerysColumnNames() throws {
        let b = try build("""
            CREATE TABLE hosts (id int, org_id text);
            CREATE TABLE hosts_copy AS SELECT id, org_id AS org, now() FROM hosts;
            CREATE TABLE renamed (a, b) AS SELECT id, org_id FROM hosts;
            CREATE UNLOGGED TABLE fast AS SELECT * FROM hosts;
            CREATE TEMP TABLE ids AS SELECT id FROM hosts;
            SELECT id, org_id INTO hosts_into FROM hosts;
            CREATE MATERIALIZED VIEW counts AS SELECT count(*) FROM hosts;
            """)
        #expect(try table(b, "public.hosts_copy").columns.map(\.name) == ["id", "org", "now"])
        #expect(try table(b, "public.renamed").columns.map(\.name) == ["a", "b"])
        #expect(try table(b, "public.fast").isUnlogged)
        #expect(try table(b, "pg_temp.ids").columns.map(\.name) == ["id"])
        #expect(try table(b, "public.hosts_into").columns.map(\.name) == ["id", "org_id"])
        #expect(b.catalog.tables[QualifiedName("public", "counts")] == nil)
        #expect(b.catalog.otherRelations[QualifiedName("public", "counts")] == .materializedView)
        // A query-made table can be published like any other.
        #expect(b.catalog.isReplicated(QualifiedName("public", "hosts_copy")))
    }
}
