-- The work queue of runs on PostgreSQL (dev.parity.harness.work.WorkQueue, docs/teams.md#workers):
-- one row per attempt to make, claimed by `parity run` and `parity worker` processes with
-- SELECT … FOR UPDATE SKIP LOCKED under a lease that its holder renews. An SQLite store never
-- fills it (one process makes a run's attempts in memory), but has the table so that `parity db
-- copy` moves stores both ways. Portable SQL: it must run unchanged on SQLite and PostgreSQL.
--
-- state: pending (free to claim), leased (worker holds it until lease_until_ms, epoch millis of
-- the claiming process's clock), done (its attempt is recorded).
-- lease_token counts the claims: a holder records its attempt only while the token is still the
-- one it claimed with, so a worker whose lease expired and was claimed again records nothing.
-- expired_leases counts the claims taken over from a holder whose lease ran out: each is at most
-- one call in flight, which may have been paid without its answer being recorded.
CREATE TABLE work_units (
  run_id         VARCHAR(200) NOT NULL,
  model_name     VARCHAR(200) NOT NULL,
  task_id        VARCHAR(200) NOT NULL,
  sample         INTEGER      NOT NULL,
  state          VARCHAR(20)  NOT NULL,
  worker         VARCHAR(200),
  lease_token    BIGINT       NOT NULL DEFAULT 0,
  lease_until_ms BIGINT,
  expired_leases INTEGER      NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, model_name, task_id, sample),
  FOREIGN KEY (run_id, model_name, task_id, sample) REFERENCES attempts (run_id, model_name, task_id, sample)
);

CREATE INDEX work_units_claimable ON work_units (run_id, model_name, state);
CREATE INDEX work_units_worker ON work_units (worker);
