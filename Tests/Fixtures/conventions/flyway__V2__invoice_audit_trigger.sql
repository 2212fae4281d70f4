-- Flyway V2: audit table filled by a trigger, plus an SQL-standard function
-- body (BEGIN ATOMIC) whose inner semicolons do not end the statement.

CREATE TABLE billing.invoice_audit (
    audit_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id  BIGINT      NOT NULL,
    operation   TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    old_row     JSONB,
    new_row     JSONB
);

CREATE OR REPLACE FUNCTION billing.record_invoice_change()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO billing.invoice_audit (invoice_id, operation, old_row)
        VALUES (OLD.id, TG_OP, to_jsonb(OLD));
        RETURN OLD;
    END IF;
    INSERT INTO billing.invoice_audit (invoice_id, operation, old_row, new_row)
    VALUES (NEW.id, TG_OP,
            CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END,
            to_jsonb(NEW));
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_invoice_audit
    AFTER INSERT OR UPDATE OR DELETE ON billing.invoice
    FOR EACH ROW EXECUTE FUNCTION billing.record_invoice_change();

CREATE FUNCTION billing.outstanding_cents(p_customer UUID)
    RETURNS BIGINT
    LANGUAGE SQL
    STABLE
BEGIN ATOMIC
    SELECT COALESCE(SUM(amount_cents), 0)
      FROM billing.invoice
     WHERE customer_id = p_customer AND NOT paid;
END;

CREATE PROCEDURE billing.mark_paid(p_invoice BIGINT)
    LANGUAGE SQL
BEGIN ATOMIC
    UPDATE billing.invoice SET paid = TRUE WHERE id = p_invoice;
    INSERT INTO billing.invoice_audit (invoice_id, operation) VALUES (p_invoice, 'PAID');
END;
