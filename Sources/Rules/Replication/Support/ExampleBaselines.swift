/// Baselines the replication rules' examples start from: the seed's shape,
/// small. `hbi.hosts` and `hbi.groups` are published; `hbi.audit` is not.
enum ExampleBaselines {
    static let published = """
    CREATE SCHEMA hbi;
    CREATE TABLE hbi.hosts (
        id uuid PRIMARY KEY,
        org_id varchar(36) NOT NULL,
        display_name varchar(200),
        canonical_facts jsonb NOT NULL,
        tags jsonb,
        insights_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000'
    );
    CREATE TABLE hbi.groups (id uuid PRIMARY KEY, name text NOT NULL, "Label" text);
    CREATE TABLE hbi.audit (id bigint, note text);
    CREATE PUBLICATION hbi_pub FOR TABLE hbi.hosts, hbi.groups;
    """

    /// The seed's own publisher: a column list and a row filter, replica identity on a unique index.
    static let columnList = """
    CREATE SCHEMA hbi;
    CREATE TABLE hbi.hosts (
        org_id varchar(36) NOT NULL,
        id uuid NOT NULL,
        account varchar(10),
        display_name varchar(200),
        canonical_facts jsonb NOT NULL,
        insights_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000'
    );
    CREATE UNIQUE INDEX hosts_org_id_id_insights_id_idx ON hbi.hosts (org_id, id, insights_id);
    ALTER TABLE hbi.hosts REPLICA IDENTITY USING INDEX hosts_org_id_id_insights_id_idx;
    CREATE TABLE hbi.audit (id bigint PRIMARY KEY, note text);
    CREATE PUBLICATION hbi_hosts_pub FOR TABLE
      hbi.hosts (org_id, id, account, display_name, insights_id)
      WHERE (insights_id <> '00000000-0000-0000-0000-000000000000');
    """

    static let allTables = """
    CREATE SCHEMA hbi;
    CREATE TABLE hbi.hosts (id uuid PRIMARY KEY, display_name text);
    CREATE PUBLICATION everything FOR ALL TABLES;
    """
}
