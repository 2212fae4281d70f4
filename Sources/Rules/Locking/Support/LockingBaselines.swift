/// Baselines the lock rules' examples start from.
enum LockingBaselines {
    static let hosts = """
    CREATE SCHEMA hbi;
    CREATE TABLE hbi.groups (id bigint PRIMARY KEY, name text);
    CREATE TABLE hbi.hosts (
        id bigint PRIMARY KEY,
        display_name varchar(100),
        price numeric(10,2),
        seen timestamp,
        group_id bigint,
        note text
    );
    CREATE INDEX ix_hosts_seen ON hbi.hosts (seen);
    CREATE INDEX ix_hosts_seen_name ON hbi.hosts (seen, display_name);
    CREATE DOMAIN hbi.positive AS int CHECK (VALUE > 0);
    """

    /// `hosts` with a validated CHECK (note IS NOT NULL).
    static let hostsWithProvenNote = hosts + "\nALTER TABLE hbi.hosts ADD CONSTRAINT note_nn CHECK (note IS NOT NULL);"

    static let partitioned = """
    CREATE SCHEMA hbi;
    CREATE TABLE hbi.events (id bigint, at timestamptz) PARTITION BY RANGE (at);
    CREATE TABLE hbi.events_2024 PARTITION OF hbi.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    CREATE TABLE hbi.events_2025 PARTITION OF hbi.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
    """
}
