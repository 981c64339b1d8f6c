-- What was found about each attempt's deliverable, one row a finding (kind, file, message), in the
-- order found. Attempts recorded before this migration keep their findings as text, one a line, in
-- attempts.deliverable_notes; newer attempts leave that column null and use this table.
-- Portable SQL: it must run unchanged on SQLite and PostgreSQL.

CREATE TABLE attempt_findings (
  run_id     VARCHAR(200) NOT NULL,
  model_name VARCHAR(200) NOT NULL,
  task_id    VARCHAR(200) NOT NULL,
  sample     INTEGER      NOT NULL,
  ordinal    INTEGER      NOT NULL,
  kind       VARCHAR(40)  NOT NULL,
  file       VARCHAR(500),
  message    TEXT         NOT NULL,
  PRIMARY KEY (run_id, model_name, task_id, sample, ordinal),
  FOREIGN KEY (run_id, model_name, task_id, sample)
    REFERENCES attempts (run_id, model_name, task_id, sample)
);
