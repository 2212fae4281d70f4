import Testing
import SQLSource
@testable import Schema

/// Statements PostgreSQL refuses are left out of the model, with its words;
/// the server's side of each is in PGServersTests (ModelRefusalFacts).
struct RefusalTests {
    static let published = """
        CREATE SCHEMA inv;
        CREATE TABLE inv.items (id int PRIMARY KEY, sku text, note text, extra text, region text NOT NULL DEFAULT 'eu');
        CREATE PUBLICATION inv_pub FOR TABLE inv.items (id, sku, note) WHERE (region <> 'xx');
        """

    @Test func droppingAListedColumnIsRefusedAndTheTableStaysPublished() throws {
        let b = try build(Self.published + "ALTER TABLE inv.items DROP COLUMN note;\nALTER TABLE inv.items ADD COLUMN later text;")
        #expect(b.refusals.map(\.message) == ["cannot drop column note of table inv.items because other objects depend on it"])
        #expect(b.refusals.first?.detail == "publication of table inv.items in publication inv_pub depends on column note of table inv.items")
        #expect(try column(b, "inv.items", "note").typeName == "text")
        #expect(b.catalog.publications["inv_pub"]?.entry(for: QualifiedName("inv", "items"))?.columns == ["id", "sku", "note"])
        #expect(b.catalog.isReplicated(QualifiedName("inv", "items")))
        // The statement after the refused one is applied.
        #expect(try column(b, "inv.items", "later").typeName == "text")
        #expect(b.warnings.contains { $0.message.contains("PostgreSQL refuses this statement") })
    }

    @Test func aRowFilterColumnIsRefusedToo() throws {
        let b = try build(Self.published + "ALTER TABLE inv.items DROP COLUMN region;")
        #expect(b.refusals.first?.message == "cannot drop column region of table inv.items because other objects depend on it")
        #expect(try column(b, "inv.items", "region").isNotNull)
    }

    @Test func cascadeTakesTheTableOutOfThePublication() throws {
        let b = try build(Self.published + "ALTER TABLE inv.items DROP COLUMN note CASCADE;")
        #expect(b.refusals.isEmpty)
        #expect(try table(b, "inv.items").column(named: "note") == nil)
        #expect(!b.catalog.isReplicated(QualifiedName("inv", "items")))
    }

    @Test func anUnlistedColumnIsDroppedAndRetypedFreely() throws {
        let b = try build(Self.published + "ALTER TABLE inv.items ALTER COLUMN extra TYPE varchar(10);\nALTER TABLE inv.items DROP COLUMN extra;")
        #expect(b.refusals.isEmpty)
        #expect(try table(b, "inv.items").column(named: "extra") == nil)
    }

    @Test func retypingAListedColumnIsRefusedInTheWordsOfAWhereClause() throws {
        let b = try build(Self.published + "ALTER TABLE inv.items ALTER COLUMN note TYPE varchar(50);")
        #expect(b.refusals.first?.message == "cannot alter type of a column used by a publication WHERE clause")
        #expect(b.refusals.first?.detail == "publication of table inv.items in publication inv_pub depends on column \"note\"")
        #expect(try column(b, "inv.items", "note").typeName == "text")
    }

    @Test func aTableOnTheSearchPathIsNamedWithoutItsSchema() throws {
        let sql = "CREATE TABLE items (id int PRIMARY KEY, note text); CREATE PUBLICATION p FOR TABLE items (id, note); ALTER TABLE items DROP COLUMN note;"
        let b = try build(sql)
        #expect(b.refusals.first?.message == "cannot drop column note of table items because other objects depend on it")
    }

    @Test func droppingAConstraintsIndexIsRefused() throws {
        let b = try build("CREATE TABLE links (id int PRIMARY KEY); ALTER TABLE links REPLICA IDENTITY USING INDEX links_pkey; DROP INDEX links_pkey;")
        #expect(b.refusals.first?.message == "cannot drop index links_pkey because constraint links_pkey on table links requires it")
        #expect(b.catalog.indexes[QualifiedName("public", "links_pkey")] != nil)
        #expect(b.catalog.hasUsableReplicaIdentity(QualifiedName("public", "links")))
    }

    @Test func droppingThePrimaryKeyTakesAnIdentityUsingItsIndex() throws {
        let b = try build("CREATE TABLE links (id int PRIMARY KEY); ALTER TABLE links REPLICA IDENTITY USING INDEX links_pkey; ALTER TABLE links DROP CONSTRAINT links_pkey;")
        #expect(b.refusals.isEmpty)
        #expect(!b.catalog.hasUsableReplicaIdentity(QualifiedName("public", "links")))
    }
}

/// A table attached to itself, or two attached to each other: PostgreSQL
/// refuses it, so does the model, and no walk of the model loops.
struct PartitionCycleTests {
    static let tables = """
        CREATE TABLE p (id int, k int) PARTITION BY LIST (k);
        CREATE TABLE a (id int, k int) PARTITION BY LIST (k);
        CREATE TABLE b (id int, k int) PARTITION BY LIST (k);
        """

    @Test func attachingATableToItselfIsRefused() throws {
        let b = try build(Self.tables + "ALTER TABLE p ATTACH PARTITION p FOR VALUES IN (1);")
        #expect(b.refusals.map(\.message) == ["circular inheritance not allowed"])
        #expect(b.refusals.first?.detail == "\"p\" is already a child of \"p\".")
        #expect(try table(b, "p").parent == nil)
    }

    @Test func attachingTwoTablesToEachOtherIsRefused() throws {
        let b = try build(Self.tables + "ALTER TABLE a ATTACH PARTITION b FOR VALUES IN (1);\nALTER TABLE b ATTACH PARTITION a FOR VALUES IN (2);")
        #expect(b.refusals.first?.detail == "\"b\" is already a child of \"a\".")
        #expect(try table(b, "b").parent == QualifiedName("public", "a"))
        #expect(try table(b, "a").parent == nil)
    }

    @Test(arguments: ["DROP TABLE p;", "ALTER TABLE p ADD COLUMN x int;", "CREATE INDEX ON p (id);",
                      "ALTER TABLE p RENAME COLUMN id TO ident;", "ALTER TABLE p DROP COLUMN k;"])
    func statementsAfterARefusedCycleAreApplied(_ statement: String) throws {
        let b = try build(Self.tables + "ALTER TABLE p ATTACH PARTITION p FOR VALUES IN (1);\n" + statement)
        #expect(b.refusals.count == 1)
    }

    /// A catalogue that holds a cycle anyway (decoded from a cache, say) is walked to an end.
    @Test(arguments: ["DROP TABLE a;", "ALTER TABLE a DROP COLUMN k;", "ALTER TABLE a RENAME COLUMN id TO ident;", "ALTER TABLE a ADD COLUMN x int;"])
    func walksOverACycleEnd(_ statement: String) throws {
        var cyclic = try build(Self.tables).catalog
        cyclic.tables[QualifiedName("public", "a")]?.parent = QualifiedName("public", "b")
        cyclic.tables[QualifiedName("public", "b")]?.parent = QualifiedName("public", "a")
        #expect(Set(cyclic.descendants(of: QualifiedName("public", "a"))) == [QualifiedName("public", "b")])
        #expect(cyclic.ancestors(of: QualifiedName("public", "a")).count == 2)
        let b = try build(statement, from: cyclic)
        #expect(b.appliedCount == 1)
        _ = cyclic.publications(publishing: QualifiedName("public", "a"))
        _ = CatalogRenderer(catalog: b.catalog, configuredTables: nil).text()
    }

    @Test func attachingAPartitionAgainIsRefused() throws {
        let b = try build(Self.tables + "CREATE TABLE c (id int, k int);\nALTER TABLE a ATTACH PARTITION c FOR VALUES IN (1);\nALTER TABLE b ATTACH PARTITION c FOR VALUES IN (1);")
        #expect(b.refusals.map(\.message) == ["\"c\" is already a partition"])
        #expect(try table(b, "c").parent == QualifiedName("public", "a"))
    }
}
