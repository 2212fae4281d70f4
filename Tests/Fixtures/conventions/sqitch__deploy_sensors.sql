-- Deploy telemetry:sensors to pg
-- requires: telemetry_schema

BEGIN;

CREATE SCHEMA IF NOT EXISTS telemetry;

CREATE TABLE telemetry.sensors (
    sensor_id   INTEGER     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site        TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('temperature', 'humidity', 'pressure')),
    installed   TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    UNIQUE (site, kind)
);

CREATE OR REPLACE FUNCTION telemetry.register_sensor(
    p_site TEXT,
    p_kind TEXT
) RETURNS INTEGER LANGUAGE SQL SECURITY DEFINER AS $$
    INSERT INTO telemetry.sensors (site, kind)
    VALUES ($1, $2)
    ON CONFLICT (site, kind) DO UPDATE SET installed = telemetry.sensors.installed
    RETURNING sensor_id;
$$;

COMMIT;
