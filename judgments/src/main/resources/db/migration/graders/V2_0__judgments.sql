-- Judgments (pairwise verdicts), the judge calls behind them, and rubric scores.
-- Portable SQL: the same file serves SQLite and PostgreSQL.

CREATE TABLE judgments (
  source        VARCHAR(300)  NOT NULL,  -- 'run:<id>' (model judges), 'file:<name>' (imported), 'campaign:<id>'
  run_id        VARCHAR(200),
  task_id       VARCHAR(200)  NOT NULL,
  model         VARCHAR(300)  NOT NULL,
  opponent      VARCHAR(300)  NOT NULL,
  grader        VARCHAR(400)  NOT NULL,
  grader_type   VARCHAR(10)   NOT NULL,
  outcome       VARCHAR(10)   NOT NULL,
  sample        INTEGER       NOT NULL,
  judge_sample  INTEGER       NOT NULL,
  occupation    VARCHAR(300)  NOT NULL,
  sector        VARCHAR(300)  NOT NULL,
  minutes       DOUBLE PRECISION,
  rationale     TEXT,
  created_at    VARCHAR(40)   NOT NULL,
  PRIMARY KEY (source, task_id, model, opponent, sample, grader, judge_sample)
);

CREATE INDEX judgments_by_run ON judgments (run_id);

CREATE TABLE judge_calls (
  run_id        VARCHAR(200)  NOT NULL,
  task_id       VARCHAR(200)  NOT NULL,
  model         VARCHAR(300)  NOT NULL,
  opponent      VARCHAR(300)  NOT NULL,
  sample        INTEGER       NOT NULL,
  grader        VARCHAR(400)  NOT NULL,
  judge_sample  INTEGER       NOT NULL,
  call_order    VARCHAR(20)   NOT NULL,  -- 'model_first', 'model_second', 'third'
  verdict       VARCHAR(10),             -- 'A', 'B', 'TIE'; null when the call failed
  rationale     TEXT,
  status        VARCHAR(20)   NOT NULL,  -- 'answered', 'invalid_output', 'failed'
  error         TEXT,
  http_attempts INTEGER       NOT NULL,
  cost_usd      DOUBLE PRECISION,
  created_at    VARCHAR(40)   NOT NULL,
  PRIMARY KEY (run_id, task_id, model, opponent, sample, grader, judge_sample, call_order)
);

CREATE TABLE rubric_scores (
  run_id        VARCHAR(200)  NOT NULL,
  task_id       VARCHAR(200)  NOT NULL,
  subject       VARCHAR(300)  NOT NULL,  -- a model's name, or 'baseline'
  sample        INTEGER       NOT NULL,
  criterion_id  VARCHAR(200)  NOT NULL,
  grader        VARCHAR(400)  NOT NULL,  -- 'check', or the judge's identity
  points        DOUBLE PRECISION NOT NULL,
  share         DOUBLE PRECISION,        -- 1, 0.5, 0; null for a judge failure
  status        VARCHAR(20)   NOT NULL,  -- 'scored', 'judge_failure'
  evidence      TEXT,
  cost_usd      DOUBLE PRECISION,
  created_at    VARCHAR(40)   NOT NULL,
  PRIMARY KEY (run_id, task_id, subject, sample, criterion_id, grader)
);
