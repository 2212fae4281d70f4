--
-- Concurrently create index fleet_host_last_seen_idx on field(s) last_seen of model host
--
CREATE INDEX CONCURRENTLY "fleet_host_last_seen_idx" ON "fleet_host" ("last_seen");
