-- The pairwise judgments of `parity grade` on PostgreSQL as units of work
-- (dev.parity.graders.grading.JudgmentWork, docs/teams.md#grading-with-workers): one row per
-- judgment to make, both orders and any third call inside it, claimed by `parity grade` and
-- `parity worker` processes with SELECT … FOR UPDATE SKIP LOCKED under a lease that its holder
-- renews, as harness's work_units are for attempts. An SQLite store never fills them (one process
-- grades in memory) but has the tables, so that `parity db copy` moves stores both ways.
-- Portable SQL: it must run unchanged on SQLite and PostgreSQL.

-- One grading pass's settings, so that a worker on another machine judges as the starting
-- `parity grade` would: the judge (its spec, part of every judgment's grader identity, and its
-- model configuration as JSON: limits, price, what it accepts) and the pass's options. The id is a
-- digest of all of them: the same command again finds the same job.
CREATE TABLE judgment_jobs (
  id                   VARCHAR(64)      NOT NULL PRIMARY KEY,
  run_id               VARCHAR(200)     NOT NULL,
  judge_spec           TEXT             NOT NULL,
  judge_json           TEXT             NOT NULL,
  on_disagreement      VARCHAR(20)      NOT NULL,
  seed                 BIGINT           NOT NULL,
  timeout_ms           BIGINT           NOT NULL,
  max_pages            INTEGER          NOT NULL,
  long_edge            INTEGER          NOT NULL,
  budget_usd           DOUBLE PRECISION,
  created_at           VARCHAR(40)      NOT NULL
);

-- One judgment to make: the model's attempt (task, model, sample) against an opponent (the
-- baseline or another model), repetition judge_sample. state, worker, lease_token,
-- lease_until_ms and expired_leases mean what they mean in work_units (harness V1_7): a holder
-- records its judgment only while lease_token is still the one it claimed with, and each claim
-- taken over from an expired lease counts the calls that may have been paid twice.
CREATE TABLE judgment_work (
  job_id         VARCHAR(64)  NOT NULL REFERENCES judgment_jobs (id),
  run_id         VARCHAR(200) NOT NULL,
  task_id        VARCHAR(200) NOT NULL,
  model          VARCHAR(200) NOT NULL,
  opponent       VARCHAR(200) NOT NULL,
  sample         INTEGER      NOT NULL,
  judge_sample   INTEGER      NOT NULL,
  state          VARCHAR(20)  NOT NULL,
  worker         VARCHAR(200),
  lease_token    BIGINT       NOT NULL DEFAULT 0,
  lease_until_ms BIGINT,
  expired_leases INTEGER      NOT NULL DEFAULT 0,
  PRIMARY KEY (job_id, task_id, model, opponent, sample, judge_sample)
);

CREATE INDEX judgment_work_claimable ON judgment_work (job_id, state);
CREATE INDEX judgment_work_run ON judgment_work (run_id);
CREATE INDEX judgment_work_worker ON judgment_work (worker);
