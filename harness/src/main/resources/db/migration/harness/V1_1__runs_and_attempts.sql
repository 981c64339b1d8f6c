-- The harness's tables: runs, the models of each run, attempts, their files and their call errors.
-- Portable SQL: it must run unchanged on SQLite and PostgreSQL (see docs/design/0001-store.md).
-- Times are ISO-8601 UTC instants as text (e.g. 2025-06-01T12:00:00.123Z), which sort in time order.

CREATE TABLE runs (
  id             VARCHAR(200) NOT NULL PRIMARY KEY,
  suite_name     VARCHAR(200) NOT NULL,
  suite_version  VARCHAR(200) NOT NULL,
  suite_hash     VARCHAR(100) NOT NULL,
  suite_path     TEXT         NOT NULL,
  settings_json  TEXT         NOT NULL,
  parity_version VARCHAR(100) NOT NULL,
  parity_commit  VARCHAR(100) NOT NULL,
  status         VARCHAR(40)  NOT NULL,
  stop_reason    TEXT,
  created_at     VARCHAR(40)  NOT NULL,
  started_at     VARCHAR(40)  NOT NULL,
  ended_at       VARCHAR(40)
);

CREATE TABLE run_models (
  run_id      VARCHAR(200) NOT NULL REFERENCES runs (id),
  name        VARCHAR(200) NOT NULL,
  ordinal     INTEGER      NOT NULL,
  provider    VARCHAR(100) NOT NULL,
  model       TEXT         NOT NULL,
  config_json TEXT         NOT NULL,
  PRIMARY KEY (run_id, name)
);

CREATE TABLE attempts (
  run_id              VARCHAR(200)     NOT NULL,
  model_name          VARCHAR(200)     NOT NULL,
  task_id             VARCHAR(200)     NOT NULL,
  sample              INTEGER          NOT NULL,
  status              VARCHAR(40)      NOT NULL,
  cache_key           VARCHAR(64),
  cache_hit           BOOLEAN          NOT NULL DEFAULT FALSE,
  http_attempts       INTEGER          NOT NULL DEFAULT 0,
  error_type          VARCHAR(40),
  error_message       TEXT,
  provider_model      VARCHAR(200),
  request_id          VARCHAR(200),
  finish_reason       VARCHAR(40),
  input_tokens        BIGINT,
  output_tokens       BIGINT,
  reasoning_tokens    BIGINT,
  cached_input_tokens BIGINT,
  cost_usd            DOUBLE PRECISION,
  latency_ms          BIGINT,
  ttfb_ms             BIGINT,
  started_at          VARCHAR(40),
  ended_at            VARCHAR(40),
  answer_sha256       VARCHAR(64),
  transcript_sha256   VARCHAR(64),
  extraction          VARCHAR(40),
  deliverable_notes   TEXT,
  PRIMARY KEY (run_id, model_name, task_id, sample),
  FOREIGN KEY (run_id, model_name) REFERENCES run_models (run_id, name)
);

CREATE INDEX attempts_by_status ON attempts (run_id, status);
CREATE INDEX attempts_by_cache_key ON attempts (cache_key);

CREATE TABLE attempt_files (
  run_id     VARCHAR(200) NOT NULL,
  model_name VARCHAR(200) NOT NULL,
  task_id    VARCHAR(200) NOT NULL,
  sample     INTEGER      NOT NULL,
  name       VARCHAR(500) NOT NULL,
  sha256     VARCHAR(64)  NOT NULL,
  size_bytes BIGINT       NOT NULL,
  PRIMARY KEY (run_id, model_name, task_id, sample, name),
  FOREIGN KEY (run_id, model_name, task_id, sample)
    REFERENCES attempts (run_id, model_name, task_id, sample)
);

-- Every failed call of an attempt, the retried ones included: "errors by type" in run show.
CREATE TABLE attempt_errors (
  run_id     VARCHAR(200) NOT NULL,
  model_name VARCHAR(200) NOT NULL,
  task_id    VARCHAR(200) NOT NULL,
  sample     INTEGER      NOT NULL,
  try_number INTEGER      NOT NULL,
  failure    VARCHAR(40)  NOT NULL,
  message    TEXT,
  wait_ms    BIGINT,
  at         VARCHAR(40)  NOT NULL,
  PRIMARY KEY (run_id, model_name, task_id, sample, try_number),
  FOREIGN KEY (run_id, model_name, task_id, sample)
    REFERENCES attempts (run_id, model_name, task_id, sample)
);
