-- Professionals as contestants (docs/baselines.md): what a human attempt (contestant human:<id>)
-- took, beside its row in attempts. measured_millis is the server-side active time from Start to
-- Submit without pauses; outside_minutes is what the professional stated they spent elsewhere.
CREATE TABLE attempt_human_work (
  run_id          VARCHAR(200)     NOT NULL,
  model_name      VARCHAR(200)     NOT NULL,
  task_id         VARCHAR(200)     NOT NULL,
  sample          INTEGER          NOT NULL,
  measured_millis BIGINT           NOT NULL,
  outside_minutes DOUBLE PRECISION NOT NULL,
  pauses          INTEGER          NOT NULL,
  hourly_wage_usd DOUBLE PRECISION NOT NULL,
  ai_tools        TEXT,
  notes           TEXT,
  PRIMARY KEY (run_id, model_name, task_id, sample),
  FOREIGN KEY (run_id, model_name, task_id, sample) REFERENCES attempts (run_id, model_name, task_id, sample)
);
