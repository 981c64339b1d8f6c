-- Professionals as contestants (docs/baselines.md): a baseline campaign gives a suite's tasks to
-- professionals, each task an attempt of the campaign's run by contestant human:<person id>.
-- Portable SQL (SQLite and PostgreSQL); times are ISO-8601 UTC instants as text.

-- What a professional's minutes cost, from the people file; null for people who only grade.
ALTER TABLE grading_graders ADD COLUMN hourly_wage_usd DOUBLE PRECISION;

CREATE TABLE grading_work_campaigns (
  id         VARCHAR(32)  NOT NULL PRIMARY KEY,
  name       VARCHAR(200) NOT NULL UNIQUE,
  run_id     VARCHAR(200) NOT NULL UNIQUE,
  suite_path TEXT         NOT NULL,
  per_task   INTEGER      NOT NULL,
  seed       BIGINT       NOT NULL,
  created_at VARCHAR(40)  NOT NULL
);

-- One task given to one professional. The clock is kept here, on the server: active_millis is
-- the active time before running_since (null while not running), so a closed tab or a restarted
-- server changes nothing. status: open, running, paused, submitted. formats: the requested
-- deliverable formats' ids, separated by commas.
CREATE TABLE grading_work (
  id              VARCHAR(32)      NOT NULL PRIMARY KEY,
  campaign_id     VARCHAR(32)      NOT NULL REFERENCES grading_work_campaigns (id),
  person_id       VARCHAR(100)     NOT NULL REFERENCES grading_graders (id),
  task_id         VARCHAR(200)     NOT NULL,
  task_title      TEXT             NOT NULL,
  occupation      VARCHAR(300)     NOT NULL,
  request_from    TEXT,
  request_text    TEXT             NOT NULL,
  formats         TEXT             NOT NULL,
  position        INTEGER          NOT NULL,
  status          VARCHAR(20)      NOT NULL,
  started_at      VARCHAR(40),
  running_since   VARCHAR(40),
  active_millis   BIGINT           NOT NULL,
  notes           TEXT,
  ai_tools        TEXT,
  outside_minutes DOUBLE PRECISION,
  submitted_at    VARCHAR(40),
  chosen          BOOLEAN          NOT NULL DEFAULT FALSE,
  UNIQUE (campaign_id, person_id, task_id)
);

CREATE INDEX grading_work_by_person ON grading_work (person_id, position);

-- Every pause, so that the record shows when the clock stood still.
CREATE TABLE grading_work_pauses (
  work_id    VARCHAR(32) NOT NULL REFERENCES grading_work (id),
  ordinal    INTEGER     NOT NULL,
  paused_at  VARCHAR(40) NOT NULL,
  resumed_at VARCHAR(40),
  PRIMARY KEY (work_id, ordinal)
);

-- The files of a piece of work by role: the task's references (handed over) and the uploaded
-- deliverable files, kept in the blob store by sha256. An upload is one row written after its
-- blob, so an interrupted upload leaves no row.
CREATE TABLE grading_work_files (
  work_id     VARCHAR(32) NOT NULL REFERENCES grading_work (id),
  role        VARCHAR(20) NOT NULL,
  name        TEXT        NOT NULL,
  sha256      VARCHAR(64) NOT NULL,
  size_bytes  BIGINT      NOT NULL,
  description TEXT,
  added_at    VARCHAR(40) NOT NULL,
  PRIMARY KEY (work_id, role, name)
);
