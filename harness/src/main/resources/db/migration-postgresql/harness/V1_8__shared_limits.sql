-- Limits shared by the workers of a PostgreSQL store (dev.parity.harness.call.SharedLimits,
-- SharedBudget; docs/teams.md, "What workers share"). PostgreSQL only (db/migration-postgresql/):
-- one process on SQLite keeps its limits in memory.
--
-- Times are microseconds since 1970 on one clock: the database's (clock_timestamp()), or a clock the
-- caller passes (tests). Each row is changed by one statement per event (UPDATE … RETURNING), which
-- holds the row's lock only for that statement.

-- One row per provider and model: the adaptive concurrency (AdaptiveLimit's state), the calls in
-- flight of every worker, a pause a Retry-After asked for, and the requests- and tokens-per-minute
-- token buckets (TokenBucket's state: what is available, and when it was last refilled).
CREATE TABLE shared_limits (
  provider            VARCHAR(200)     NOT NULL,
  model               VARCHAR(300)     NOT NULL,
  max_concurrency     INTEGER          NOT NULL,
  concurrency         INTEGER          NOT NULL,
  in_flight           INTEGER          NOT NULL DEFAULT 0,
  generation          INTEGER          NOT NULL DEFAULT 0,
  successes           INTEGER          NOT NULL DEFAULT 0,
  recover_at          BIGINT,
  recover_to          INTEGER          NOT NULL DEFAULT 0,
  paused_until        BIGINT           NOT NULL DEFAULT 0,
  requests_per_minute BIGINT,
  requests_available  DOUBLE PRECISION NOT NULL DEFAULT 0,
  requests_at         BIGINT           NOT NULL DEFAULT 0,
  tokens_per_minute   BIGINT,
  tokens_available    DOUBLE PRECISION NOT NULL DEFAULT 0,
  tokens_at           BIGINT           NOT NULL DEFAULT 0,
  PRIMARY KEY (provider, model)
);

-- The calls in flight of one worker process (its holder: the key of an advisory lock its own
-- connection holds while it lives). A worker that died holds no lock any more; the calls it had in
-- flight are then taken off shared_limits.in_flight, so a killed worker does not shrink the lane.
CREATE TABLE shared_limit_holders (
  provider  VARCHAR(200) NOT NULL,
  model     VARCHAR(300) NOT NULL,
  holder    INTEGER      NOT NULL,
  in_flight INTEGER      NOT NULL DEFAULT 0,
  PRIMARY KEY (provider, model, holder)
);

-- A budget (--budget) shared by every worker of a run or a grading pass: paid, and reserved for
-- work in progress (an attempt's worst case), in US dollars; no limit when limit_usd is null.
CREATE TABLE shared_budgets (
  budget       VARCHAR(300)     NOT NULL PRIMARY KEY,
  limit_usd    DOUBLE PRECISION,
  paid_usd     DOUBLE PRECISION NOT NULL DEFAULT 0,
  reserved_usd DOUBLE PRECISION NOT NULL DEFAULT 0
);
