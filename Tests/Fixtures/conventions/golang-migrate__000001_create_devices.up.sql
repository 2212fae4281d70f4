BEGIN;

CREATE TYPE device_state AS ENUM ('provisioning', 'online', 'offline', 'retired');

CREATE TABLE IF NOT EXISTS devices (
    id          BIGSERIAL PRIMARY KEY,
    serial      TEXT NOT NULL,
    state       device_state NOT NULL DEFAULT 'provisioning',
    labels      JSONB NOT NULL DEFAULT '{}'::jsonb,
    firmware    TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);

CREATE UNIQUE INDEX IF NOT EXISTS devices_serial_key ON devices (lower(serial));

CREATE TABLE IF NOT EXISTS device_events (
    device_id   BIGINT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    payload     BYTEA,
    PRIMARY KEY (device_id, seen_at)
);

COMMIT;
