import Testing
@testable import Schema

struct PublicationTests {
    static let hbi = """
        CREATE SCHEMA hbi;
        CREATE TABLE hbi.hosts (org_id varchar(36) NOT NULL, id uuid NOT NULL, account varchar(10),
            insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL,
            PRIMARY KEY (org_id, id)) PARTITION BY HASH (org_id);
        CREATE TABLE hbi.hosts_p0 PARTITION OF hbi.hosts FOR VALUES WITH (modulus 2, remainder 0);
        CREATE UNIQUE INDEX hosts_org_id_id_insights_id_idx ON ONLY hbi.hosts USING btree (org_id, id, insights_id);
        ALTER TABLE ONLY hbi.hosts REPLICA IDENTITY USING INDEX hosts_org_id_id_insights_id_idx;
        CREATE TABLE hbi.groups (id uuid PRIMARY KEY, name text);
        CREATE TABLE hbi.logs (line text);
        ALTER TABLE hbi.logs REPLICA IDENTITY FULL;
        CREATE TABLE hbi.scratch (line text);
        ALTER TABLE hbi.scratch REPLICA IDENTITY NOTHING;
        CREATE PUBLICATION hbi_hosts_pub_v1_0_2 FOR TABLE
          hbi.hosts (org_id, id, account, insights_id)
            WHERE (insights_id != '00000000-0000-0000-0000-000000000000')
          WITH (publish_via_partition_root = true);
        """

    @Test func columnListsRowFiltersAndOptions() throws {
        let b = try build(Self.hbi)
        let publication = try #require(b.catalog.publications["hbi_hosts_pub_v1_0_2"])
        #expect(publication.viaPartitionRoot && publication.actions == Publication.allActions)
        let entry = try #require(publication.tables.first)
        #expect(entry.table == QualifiedName("hbi", "hosts"))
        #expect(entry.columns == ["org_id", "id", "account", "insights_id"])
        #expect(entry.rowFilter == "insights_id <> '00000000-0000-0000-0000-000000000000'")
        #expect(entry.rowFilterColumns == ["insights_id"])
        #expect(b.catalog.hasPublications)
    }

    @Test func membershipReachesPartitionsThroughTheirRoot() throws {
        let b = try build(Self.hbi)
        let partition = b.catalog.publications(publishing: QualifiedName("hbi", "hosts_p0"))
        #expect(partition.count == 1)
        #expect(partition.first?.reason == .ancestor(QualifiedName("hbi", "hosts")))
        #expect(partition.first?.columns == ["org_id", "id", "account", "insights_id"])
        #expect(b.catalog.isReplicated(QualifiedName("hbi", "hosts")))
        #expect(!b.catalog.isReplicated(QualifiedName("hbi", "groups")))
        #expect(b.catalog.replicationSource(configuredTables: ["hbi.groups"]) == .publications)
    }

    @Test func replicaIdentityKinds() throws {
        let b = try build(Self.hbi)
        #expect(b.catalog.replicaIdentityColumns(of: QualifiedName("hbi", "hosts")) == ["org_id", "id", "insights_id"])
        #expect(b.catalog.replicaIdentityIndex(of: QualifiedName("hbi", "hosts"))?.isUnique == true)
        #expect(b.catalog.replicaIdentityColumns(of: QualifiedName("hbi", "groups")) == ["id"])
        #expect(b.catalog.replicaIdentityColumns(of: QualifiedName("hbi", "logs")) == ["line"])
        #expect(b.catalog.replicaIdentityColumns(of: QualifiedName("hbi", "scratch")).isEmpty)
        #expect(try table(b, "hbi.scratch").replicaIdentity == .nothing)
    }

    @Test func alterPublicationAddSetDropAndSchemas() throws {
        let b = try build(Self.hbi + """
            ALTER PUBLICATION hbi_hosts_pub_v1_0_2 ADD TABLE hbi.groups (id, name);
            ALTER PUBLICATION hbi_hosts_pub_v1_0_2 SET (publish = 'insert, update');
            ALTER PUBLICATION hbi_hosts_pub_v1_0_2 DROP TABLE hbi.hosts;
            CREATE PUBLICATION everything FOR ALL TABLES;
            CREATE PUBLICATION by_schema FOR TABLES IN SCHEMA hbi;
            ALTER PUBLICATION by_schema DROP TABLES IN SCHEMA hbi;
            ALTER PUBLICATION by_schema SET TABLE hbi.logs;
            """)
        let p = try #require(b.catalog.publications["hbi_hosts_pub_v1_0_2"])
        #expect(p.tables.map(\.table.name) == ["groups"] && p.actions == ["insert", "update"])
        #expect(b.catalog.publications["everything"]?.allTables == true)
        #expect(b.catalog.publications["by_schema"]?.schemas == [])
        #expect(b.catalog.publications["by_schema"]?.tables.map(\.table.name) == ["logs"])
        let memberships = b.catalog.publications(publishing: QualifiedName("hbi", "scratch"))
        #expect(memberships.map(\.publication) == ["everything"] && memberships[0].reason == .allTables)
        #expect(b.warnings.isEmpty)
    }

    @Test func withoutPublicationsConfiguredTablesOrEveryTableDecide() throws {
        let b = try build("CREATE TABLE t (id int); CREATE TABLE u (id int);")
        let t = QualifiedName("public", "t")
        #expect(!b.catalog.hasPublications)
        #expect(b.catalog.replicationSource(configuredTables: nil) == .everyTable)
        #expect(b.catalog.isReplicated(t))
        #expect(b.catalog.replicationSource(configuredTables: ["u"]) == .configuredTables)
        #expect(!b.catalog.isReplicated(t, configuredTables: ["u"]))
        #expect(b.catalog.isReplicated(QualifiedName("public", "u"), configuredTables: ["public.u"]))
    }

    /// PostgreSQL refuses the statement, so the table stays published; CASCADE unpublishes it.
    @Test func droppingAPublishedColumnNeedsCascade() throws {
        let b = try build(Self.hbi + "ALTER TABLE hbi.hosts DROP COLUMN account;")
        #expect(b.warnings.count == 1)
        #expect(b.catalog.publications["hbi_hosts_pub_v1_0_2"]?.tables.count == 1)
        #expect(try table(b, "hbi.hosts").column(named: "account") != nil)
        let cascade = try build(Self.hbi + "ALTER TABLE hbi.hosts DROP COLUMN account CASCADE;")
        #expect(cascade.warnings.isEmpty)
        #expect(cascade.catalog.publications["hbi_hosts_pub_v1_0_2"]?.tables.isEmpty == true)
    }
}
