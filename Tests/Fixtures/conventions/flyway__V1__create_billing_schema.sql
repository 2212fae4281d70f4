-- Flyway versioned migration: V<version>__<description>.sql, no explicit
-- transaction (Flyway wraps each script in one itself).

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE SCHEMA IF NOT EXISTS billing;

CREATE TABLE billing.customer (
    id            UUID          NOT NULL DEFAULT uuid_generate_v4(),
    external_ref  VARCHAR(64)   NOT NULL,
    display_name  VARCHAR(255)  NOT NULL,
    country_code  CHAR(2)       NOT NULL DEFAULT 'US',
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_customer PRIMARY KEY (id),
    CONSTRAINT uq_customer_external_ref UNIQUE (external_ref)
);

CREATE TABLE billing.invoice (
    id           BIGSERIAL      NOT NULL,
    customer_id  UUID           NOT NULL,
    issued_on    DATE           NOT NULL,
    amount_cents BIGINT         NOT NULL,
    currency     CHAR(3)        NOT NULL,
    paid         BOOLEAN        NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_invoice PRIMARY KEY (id),
    CONSTRAINT fk_invoice_customer FOREIGN KEY (customer_id)
        REFERENCES billing.customer (id) ON DELETE RESTRICT,
    CONSTRAINT ck_invoice_amount_positive CHECK (amount_cents > 0)
);

CREATE INDEX ix_invoice_customer_issued ON billing.invoice (customer_id, issued_on DESC);

COMMENT ON TABLE billing.invoice IS 'One row per issued invoice; amounts in minor units';
COMMENT ON COLUMN billing.invoice.currency IS 'ISO 4217 code';

INSERT INTO billing.customer (external_ref, display_name, country_code)
VALUES ('ACME-001', 'Acme Corp.', 'US'),
       ('INITECH-7', 'Initech; "Office" Division', 'GB')
ON CONFLICT (external_ref) DO NOTHING;
