-- golang-migrate runs a file as one multi-statement query unless it is split;
-- CONCURRENTLY has to be the only statement in its file.
CREATE INDEX CONCURRENTLY IF NOT EXISTS devices_firmware_idx ON devices (firmware) WHERE firmware IS NOT NULL;
