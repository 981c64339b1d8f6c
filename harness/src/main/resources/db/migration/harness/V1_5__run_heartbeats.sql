-- A running `parity run` writes heartbeat_at every heartbeat_interval_ms (Runner, Heartbeat); a run
-- still marked running whose heartbeat is older than three intervals reads as abandoned: its
-- process died (docs/design/0001-store.md, "Heartbeats (V1_5)"). Runs recorded before, and runs
-- no process ran (imports), have neither and read as stored.
-- Portable SQL: it must run unchanged on SQLite and PostgreSQL.
ALTER TABLE runs ADD COLUMN heartbeat_at VARCHAR(40);
ALTER TABLE runs ADD COLUMN heartbeat_interval_ms BIGINT;
