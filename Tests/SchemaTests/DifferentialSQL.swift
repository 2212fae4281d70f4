/// The schema and migration the differential test runs on a real server and
/// through the model: every kind of object the model keeps.
enum DifferentialSQL {
    static let schema = """
        CREATE EXTENSION IF NOT EXISTS citext;
        CREATE SCHEMA app;
        CREATE TYPE app.status AS ENUM ('new', 'active', 'gone');
        CREATE DOMAIN app.positive AS numeric(12,2) NOT NULL DEFAULT 0 CHECK (VALUE >= 0);
        CREATE FUNCTION app.next_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;
        CREATE FUNCTION app.tenant() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_setting('app.tenant', true) $$;
        CREATE FUNCTION app.one() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
        CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.modified_on := now(); RETURN NEW; END $$;
        CREATE SEQUENCE app.invoice_seq AS integer START 100;

        CREATE TABLE app.accounts (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            email citext NOT NULL UNIQUE,
            name varchar(200) NOT NULL,
            name_lower text GENERATED ALWAYS AS (lower(name)) STORED,
            status app.status NOT NULL DEFAULT 'new',
            balance app.positive,
            code text DEFAULT app.next_code(),
            tenant text DEFAULT app.tenant(),
            rank int DEFAULT app.one(),
            token uuid DEFAULT gen_random_uuid(),
            created_on timestamptz NOT NULL DEFAULT now(),
            seen_on timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP,
            flags text[] NOT NULL DEFAULT '{}',
            ratio double precision DEFAULT 0.5,
            grade char(2),
            note varchar DEFAULT 'none',
            invoice int DEFAULT nextval('app.invoice_seq'),
            random_pick float8 DEFAULT random(),
            CONSTRAINT accounts_name_not_blank CHECK (name <> '')
        );
        CREATE TABLE app.events (
            org_id varchar(36) NOT NULL,
            id uuid NOT NULL,
            at timestamptz NOT NULL,
            kind text NOT NULL DEFAULT 'misc',
            account_id bigint,
            payload jsonb DEFAULT '{}'::jsonb,
            PRIMARY KEY (org_id, id, at),
            CONSTRAINT events_kind_not_blank CHECK (kind <> ''),
            CONSTRAINT events_account_fk FOREIGN KEY (account_id) REFERENCES app.accounts (id)
        ) PARTITION BY RANGE (at);
        CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE app.events_default PARTITION OF app.events DEFAULT;
        CREATE UNIQUE INDEX events_org_id_id_at_kind_idx ON app.events (org_id, id, at, kind);
        CREATE TABLE app.tags (id serial PRIMARY KEY, label text NOT NULL, account_id bigint REFERENCES app.accounts ON DELETE CASCADE,
                               owner_id bigint);
        ALTER TABLE app.tags ADD CONSTRAINT tags_owner_fk FOREIGN KEY (owner_id) REFERENCES app.accounts (id) NOT VALID;
        CREATE UNIQUE INDEX tags_label_idx ON app.tags (label);
        ALTER TABLE app.tags REPLICA IDENTITY USING INDEX tags_label_idx;
        CREATE TABLE app.audit (line text, at timestamptz DEFAULT clock_timestamp());
        ALTER TABLE app.audit REPLICA IDENTITY FULL;
        CREATE TABLE app.scratch (line text);
        ALTER TABLE app.scratch REPLICA IDENTITY NOTHING;
        CREATE TABLE app."Mixed Case" ("Select" int NOT NULL, "from" text, CONSTRAINT "Mixed Case_pkey" PRIMARY KEY ("Select"));
        CREATE INDEX accounts_open_idx ON app.accounts (created_on) WHERE status <> 'gone';
        CREATE INDEX accounts_lower_email_idx ON app.accounts (lower(email::text));
        ALTER TABLE app.accounts ADD CONSTRAINT accounts_rank_positive CHECK (rank > 0) NOT VALID;
        CREATE TRIGGER accounts_touch BEFORE UPDATE ON app.accounts FOR EACH ROW EXECUTE FUNCTION app.touch();
        CREATE TRIGGER tags_touch BEFORE UPDATE ON app.tags FOR EACH ROW EXECUTE FUNCTION app.touch();
        ALTER TABLE app.tags DISABLE TRIGGER tags_touch;
        CREATE TRIGGER audit_touch BEFORE UPDATE ON app.audit FOR EACH ROW EXECUTE FUNCTION app.touch();
        ALTER TABLE app.audit ENABLE REPLICA TRIGGER audit_touch;
        CREATE TABLE public.plain (id int PRIMARY KEY, v text);
        CREATE PUBLICATION app_pub FOR TABLE
            app.events (org_id, id, at, kind) WHERE (kind <> 'debug'),
            app.accounts (id, email, name, status)
            WITH (publish_via_partition_root = true, publish = 'insert, update, delete');
        CREATE PUBLICATION audit_pub FOR TABLES IN SCHEMA public;
        ALTER PUBLICATION audit_pub ADD TABLE app.audit;
        """

    /// Applied to the server and to the model built from the dump.
    static let migration = """
        SET search_path TO app, public;
        ALTER TABLE accounts ADD COLUMN region text NOT NULL DEFAULT 'eu';
        ALTER TABLE accounts ADD COLUMN ref uuid DEFAULT gen_random_uuid();
        ALTER TABLE accounts ALTER COLUMN note SET NOT NULL;
        ALTER TABLE accounts ALTER COLUMN ratio DROP DEFAULT;
        ALTER TABLE accounts ALTER COLUMN grade TYPE varchar(5);
        ALTER TABLE accounts DROP COLUMN random_pick;
        ALTER TABLE accounts RENAME COLUMN name TO full_name;
        ALTER TABLE accounts VALIDATE CONSTRAINT accounts_rank_positive;
        ALTER TYPE status ADD VALUE 'paused' AFTER 'active';
        CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        ALTER TABLE events DETACH PARTITION events_default;
        ALTER TABLE events ADD COLUMN source text;
        ALTER TABLE tags RENAME TO labels;
        ALTER TABLE labels ENABLE TRIGGER tags_touch;
        ALTER TABLE scratch REPLICA IDENTITY DEFAULT;
        ALTER TABLE scratch ADD COLUMN id int GENERATED BY DEFAULT AS IDENTITY;
        ALTER PUBLICATION app_pub ADD TABLE labels (id, label);
        ALTER PUBLICATION app_pub SET (publish = 'insert, update, delete, truncate');
        CREATE TABLE app.notes (id bigserial PRIMARY KEY, account_id bigint REFERENCES accounts (id), body text);
        DROP TABLE audit CASCADE;
        CREATE SCHEMA extra;
        ALTER TABLE public.plain SET SCHEMA extra;
        CREATE INDEX events_kind_idx ON events (kind);
        ALTER TABLE events ALTER COLUMN kind SET DEFAULT 'other';
        ALTER TABLE accounts ALTER COLUMN token SET NOT NULL;
        CREATE UNIQUE INDEX accounts_token_idx ON accounts (token);
        ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_token_idx;
        ALTER INDEX accounts_token_idx RENAME TO accounts_token_key2;
        ALTER TABLE accounts DROP COLUMN status CASCADE;
        ALTER TABLE accounts DROP COLUMN email;
        ALTER TYPE status RENAME VALUE 'gone' TO 'deleted';
        ALTER TABLE accounts ALTER COLUMN code DROP DEFAULT;
        ALTER TABLE labels DROP CONSTRAINT tags_owner_fk;
        ALTER TABLE app."Mixed Case" RENAME COLUMN "from" TO "to";
        ALTER TABLE app."Mixed Case" ADD CONSTRAINT "Mixed Case_to_check" CHECK ("to" <> 'x') NOT VALID;
        COMMENT ON TABLE labels IS 'renamed';
        CREATE TABLE app.child (extra text) INHERITS (app.notes);
        ALTER TABLE events DROP CONSTRAINT events_account_fk;
        ALTER TABLE events ADD CONSTRAINT events_at_recent CHECK (at > '2000-01-01');
        """
}
