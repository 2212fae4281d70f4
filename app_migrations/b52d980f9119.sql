BEGIN;

-- Running upgrade 661a4319d18b -> b52d980f9119

CREATE TABLE hbi.host_labels (
    org_id VARCHAR(36) NOT NULL, 
    id UUID NOT NULL, 
    host_id UUID NOT NULL, 
    key VARCHAR(255) NOT NULL, 
    value TEXT, 
    created_on TIMESTAMP WITH TIME ZONE NOT NULL, 
    CONSTRAINT host_labels_pkey PRIMARY KEY (org_id, id)
);

CREATE INDEX idx_host_labels_org_id_host_id ON hbi.host_labels (org_id, host_id);

COMMIT;

