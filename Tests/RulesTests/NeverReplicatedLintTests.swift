import Testing
import Lint
import Rules
import Schema
import SQLSource

/// Issue 18 item 4: statements on relations PostgreSQL never publishes get
/// no replication finding; item 5: COPY FROM is a data change.
@Suite struct NeverReplicatedLintTests {
    @Test func materializedViewsAndTheirUniqueIndexesWithoutABaseline() throws {
        let found = try lintFindings("""
            -- replint: apply-order subscriber-first
            CREATE MATERIALIZED VIEW hbi.host_counts AS SELECT org_id, count(*) FROM hbi.hosts GROUP BY org_id;
            CREATE UNIQUE INDEX host_counts_org_id ON hbi.host_counts (org_id);
            DROP INDEX hbi.host_counts_org_id;
            REFRESH MATERIALIZED VIEW CONCURRENTLY hbi.host_counts;
            """)
        #expect(found.replication.isEmpty, "\(found.map(\.message))")
    }

    @Test func materializedViewOfTheBaselineUnderEveryTable() throws {
        let baseline = """
            CREATE SCHEMA hbi;
            CREATE TABLE hbi.hosts (id uuid PRIMARY KEY, org_id text);
            CREATE MATERIALIZED VIEW hbi.host_counts AS SELECT org_id, count(*) FROM hbi.hosts GROUP BY org_id WITH NO DATA;
            """
        let found = try lintFindings("CREATE UNIQUE INDEX host_counts_org_id ON host_counts (org_id);\nCREATE UNIQUE INDEX hosts_org_id ON hosts (org_id);",
                                     baseline: baseline) { $0.searchPath = ["public", "hbi"] }
        #expect(found.replication.map(\.start.line) == [2], "\(found.map(\.message))")
    }

    @Test func temporaryTablesIncludingOnCommitDropAndOnesThatShadowAReplicatedTable() throws {
        let found = try lintFindings("""
            -- replint: apply-order publisher-first
            CREATE TEMP TABLE hosts (id uuid, note text) ON COMMIT DROP;
            ALTER TABLE hosts ADD COLUMN extra text NOT NULL;
            INSERT INTO hosts VALUES ('00000000-0000-0000-0000-000000000001', 'x', 'y');
            CREATE UNIQUE INDEX hosts_note ON hosts (note);
            ALTER TABLE hosts RENAME COLUMN note TO label;
            CREATE TEMPORARY TABLE staging AS SELECT id FROM hbi.hosts;
            UPDATE staging SET id = NULL;
            """, baseline: ExampleSchema.published) { $0.searchPath = ["hbi"] }
        #expect(found.replication.isEmpty, "\(found.map(\.message))")
    }

    @Test func unloggedTablesNewOrFromTheBaseline() throws {
        let baseline = ExampleSchema.allTables + "\nCREATE UNLOGGED TABLE hbi.cache (id int, note text NOT NULL);"
        let found = try lintFindings("""
            -- replint: apply-order publisher-first
            CREATE UNLOGGED TABLE hbi.scratch (id int);
            ALTER TABLE hbi.cache DROP COLUMN note;
            ALTER TABLE hbi.cache RENAME COLUMN id TO cache_id;
            TRUNCATE hbi.cache;
            """, baseline: baseline)
        #expect(found.replication.isEmpty, "\(found.map(\.message))")
    }

    @Test func aTableMadeByAQueryEarlierInTheFileIsNewLikeCreateTable() throws {
        let found = try lintFindings("""
            CREATE TABLE hbi.hosts_copy AS SELECT * FROM hbi.hosts;
            ALTER TABLE hbi.hosts_copy RENAME COLUMN display_name TO name;
            SELECT id INTO hbi.host_ids FROM hbi.hosts;
            ALTER TABLE hbi.host_ids ALTER COLUMN id TYPE text;
            DELETE FROM hbi.host_ids;
            """, baseline: ExampleSchema.published)
        #expect(found.replication.isEmpty, "\(found.map(\.message))")
    }

    @Test func copyFromStdinIntoAReplicatedTableIsADataMigration() throws {
        let found = try lintFindings("""
            COPY hbi.groups (id, name) FROM stdin;
            00000000-0000-0000-0000-000000000001\tdefault
            \\.
            COPY hbi.audit (id, note) FROM stdin;
            1\tlocal
            \\.
            COPY hbi.hosts TO stdout;
            """, baseline: ExampleSchema.published)
        let data = found.of(.replicationDataMigration)
        #expect(data.map(\.start.line) == [1])
        #expect(data.first?.message.contains("`hbi.groups` (published by hbi_pub)") == true)
        #expect(data.first?.help.contains("`COPY hbi.groups (id, name) FROM stdin;`") == true)
    }
}

/// The rule examples' seed shapes, repeated here so the tests do not read the code under test.
enum ExampleSchema {
    static let published = """
        CREATE SCHEMA hbi;
        CREATE TABLE hbi.hosts (id uuid PRIMARY KEY, org_id varchar(36) NOT NULL, display_name varchar(200), tags jsonb);
        CREATE TABLE hbi.groups (id uuid PRIMARY KEY, name text NOT NULL);
        CREATE TABLE hbi.audit (id bigint, note text);
        CREATE PUBLICATION hbi_pub FOR TABLE hbi.hosts, hbi.groups;
        """

    static let allTables = """
        CREATE SCHEMA hbi;
        CREATE TABLE hbi.hosts (id uuid PRIMARY KEY, display_name text);
        CREATE PUBLICATION everything FOR ALL TABLES;
        """
}
