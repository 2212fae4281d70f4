import Testing
@testable import Schema

struct CatalogBuilderObjectTests {
    @Test func unqualifiedNamesFollowTheSearchPath() throws {
        let b = try build("""
            CREATE SCHEMA hbi;
            SET search_path TO hbi, public;
            CREATE TABLE hosts (id int);
            SELECT pg_catalog.set_config('search_path', 'public', false);
            CREATE TABLE hosts (id int);
            ALTER TABLE hosts ADD COLUMN only_in_public int;
            RESET search_path;
            SET search_path = "$user", hbi;
            ALTER TABLE hosts ADD COLUMN only_in_hbi int;
            """, searchPath: ["public"])
        #expect(try table(b, "hbi.hosts").columns.map(\.name) == ["id", "only_in_hbi"])
        #expect(try table(b, "public.hosts").columns.map(\.name) == ["id", "only_in_public"])
        #expect(b.searchPath == ["$user", "hbi"])
        #expect(b.catalog.table(named: "hosts", searchPath: ["hbi", "public"])?.name == QualifiedName("hbi", "hosts"))
    }

    @Test func pgDumpsEmptySearchPathLeavesOnlyQualifiedNames() throws {
        let b = try build("""
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE TABLE public.t (id int);
            ALTER TABLE t ADD COLUMN x int;
            """)
        #expect(b.searchPath.isEmpty)
        #expect(try table(b, "public.t").columns.count == 1)
        #expect(b.warnings.count == 1)
    }

    @Test func quotedNamesKeepTheirCase() throws {
        let b = try build("""
            CREATE TABLE app."Order Items" ("select" int NOT NULL, "Qty" int);
            ALTER TABLE app."Order Items" ADD CONSTRAINT "Order Items_pkey" PRIMARY KEY ("select");
            """)
        let t = try table(b, "app.Order Items")
        #expect(t.columns.map(\.name) == ["select", "Qty"])
        #expect(t.primaryKey?.columns == ["select"])
        #expect(t.name.description == "app.\"Order Items\"")
    }

    @Test func renameAndSetSchemaCarryReferencesAlong() throws {
        let b = try build("""
            CREATE TABLE a (id int PRIMARY KEY, note text);
            CREATE TABLE b (a_id int REFERENCES a (id));
            CREATE UNIQUE INDEX a_note_idx ON a (note);
            ALTER TABLE a REPLICA IDENTITY USING INDEX a_note_idx;
            CREATE PUBLICATION p FOR TABLE a (id, note) WHERE (note <> '');
            ALTER TABLE a RENAME COLUMN note TO body;
            ALTER TABLE a RENAME TO a2;
            ALTER INDEX a_note_idx RENAME TO a2_body_idx;
            CREATE SCHEMA other;
            ALTER TABLE a2 SET SCHEMA other;
            """)
        let a = try table(b, "other.a2")
        #expect(a.columns.map(\.name) == ["id", "body"])
        #expect(a.replicaIdentity == .index("a2_body_idx"))
        #expect(b.catalog.replicaIdentityColumns(of: a.name) == ["body"])
        #expect(b.catalog.indexes[QualifiedName("other", "a2_body_idx")]?.columns == ["body"])
        let fk = try table(b, "b").constraints.first
        #expect(fk?.referencedTable == QualifiedName("other", "a2"))
        #expect(b.catalog.publications["p"]?.tables.first?.table == QualifiedName("other", "a2"))
        #expect(b.catalog.publications["p"]?.tables.first?.columns == ["id", "body"])
        #expect(b.catalog.publications["p"]?.tables.first?.rowFilterColumns == ["body"])
        #expect(b.warnings.isEmpty)
    }

    @Test func partitionsAttachAndDetach() throws {
        let b = try build("""
            CREATE TABLE ev (at timestamptz NOT NULL, kind text DEFAULT 'x') PARTITION BY RANGE (at);
            CREATE TABLE ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE ev_old (at timestamptz NOT NULL, kind text);
            ALTER TABLE ev ATTACH PARTITION ev_old FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
            CREATE TABLE ev_def (at timestamptz NOT NULL, kind text);
            ALTER TABLE ONLY ev ATTACH PARTITION ev_def DEFAULT;
            ALTER TABLE ev DETACH PARTITION ev_old;
            ALTER TABLE ev ADD COLUMN extra int;
            """)
        let ev = try table(b, "ev")
        #expect(ev.kind == .partitioned && ev.partitionStrategy == "range")
        let p = try table(b, "ev_2024")
        #expect(p.parent == ev.name && p.columns.map(\.name) == ["at", "kind", "extra"])
        #expect(p.column(named: "kind")?.defaultValue?.constantValue == "x")
        #expect(p.partitionBound == "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")
        #expect(try table(b, "ev_def").partitionBound == "DEFAULT")
        #expect(try table(b, "ev_old").parent == nil)
        #expect(b.catalog.partitions(of: ev.name).map(\.name.name) == ["ev_2024", "ev_def"])
    }

    @Test func enumsSequencesTriggersFunctionsAndDomains() throws {
        let b = try build("""
            CREATE TYPE status AS ENUM ('a', 'c');
            ALTER TYPE status ADD VALUE 'b' BEFORE 'c';
            ALTER TYPE status ADD VALUE IF NOT EXISTS 'a';
            ALTER TYPE status ADD VALUE 'd';
            ALTER TYPE status RENAME VALUE 'd' TO 'e';
            CREATE SEQUENCE s AS integer START 10;
            CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE FUNCTION pick() RETURNS int LANGUAGE sql STABLE AS 'SELECT 1';
            CREATE DOMAIN pos AS numeric(12,2) NOT NULL DEFAULT 0 CHECK (VALUE >= 0);
            CREATE TABLE t (a status DEFAULT 'a', b int DEFAULT pick(), c int DEFAULT nextval('s'), d pos, e int DEFAULT stamp_x());
            CREATE TRIGGER t_stamp BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION stamp();
            ALTER TABLE t DISABLE TRIGGER t_stamp;
            ALTER TABLE t ENABLE REPLICA TRIGGER t_stamp;
            """)
        #expect(b.catalog.enums[QualifiedName("public", "status")]?.labels == ["a", "b", "c", "e"])
        #expect(b.catalog.sequences[QualifiedName("public", "s")]?.dataType == "int4")
        #expect(b.catalog.functions[QualifiedName("public", "pick")]?.first?.volatility == .stable)
        #expect(b.catalog.functions[QualifiedName("public", "stamp")]?.first?.volatility == .volatile)
        let domain = b.catalog.domains[QualifiedName("public", "pos")]
        #expect(domain?.baseType == "numeric(12,2)" && domain?.isNotNull == true && domain?.checks.count == 1)
        let t = try table(b, "t")
        #expect(t.column(named: "a")?.typeName == "public.status" && t.column(named: "a")?.defaultValue?.volatility == .immutable)
        #expect(t.column(named: "b")?.defaultValue?.volatility == .stable)
        #expect(t.column(named: "c")?.defaultValue?.volatility == .volatile)
        #expect(t.column(named: "d")?.typeName == "public.pos")
        #expect(t.column(named: "e")?.defaultValue?.volatility == .volatile, "unknown functions count as volatile")
        #expect(t.triggers.map(\.name) == ["t_stamp"] && t.triggers[0].state == .replica)
        #expect(t.triggers[0].function == QualifiedName("public", "stamp"))
        #expect(b.warnings.isEmpty)
    }

    @Test func dropsCascadeThroughPartitionsIndexesAndPublications() throws {
        let b = try build("""
            CREATE TABLE p (id int PRIMARY KEY, v int) PARTITION BY HASH (id);
            CREATE TABLE p0 PARTITION OF p FOR VALUES WITH (MODULUS 2, REMAINDER 0);
            CREATE TABLE c (p_id int REFERENCES p (id));
            CREATE TABLE other (id int);
            CREATE PUBLICATION pub FOR TABLE p, other;
            DROP TABLE p CASCADE;
            DROP INDEX IF EXISTS whatever;
            """)
        #expect(b.catalog.tables[QualifiedName("public", "p")] == nil)
        #expect(b.catalog.tables[QualifiedName("public", "p0")] == nil)
        #expect(b.catalog.indexes.isEmpty)
        #expect(try table(b, "c").constraints.isEmpty)
        #expect(b.catalog.publications["pub"]?.tables.map(\.table.name) == ["other"])
        #expect(b.warnings.isEmpty)
    }

    @Test func dropWithoutCascadeOfAReferencedTableWarns() throws {
        let b = try build("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p_id int REFERENCES p); DROP TABLE p;")
        #expect(b.warnings.count == 1)
    }
}
