-- The graders module's tables for blind human grading (docs/grading.md).
-- Portable SQL: it must run unchanged on SQLite and PostgreSQL. Ids are text (random 128-bit
-- hex where they appear in URLs); times are ISO-8601 UTC instants as text, which sort in time order.

-- Every person who grades or administers, from graders.csv. Occupations are kept as written,
-- separated by "; ". The password hash is bcrypt; null until the grader accepts an invite.
CREATE TABLE grading_graders (
  id            VARCHAR(100) NOT NULL PRIMARY KEY,
  display_name  VARCHAR(200) NOT NULL,
  email         VARCHAR(320) NOT NULL UNIQUE,
  occupations   TEXT         NOT NULL,
  role          VARCHAR(20)  NOT NULL,
  password_hash VARCHAR(100),
  created_at    VARCHAR(40)  NOT NULL
);

CREATE TABLE grading_campaigns (
  id                  VARCHAR(32)      NOT NULL PRIMARY KEY,
  name                VARCHAR(200)     NOT NULL UNIQUE,
  source              TEXT             NOT NULL,
  per_pair            INTEGER          NOT NULL,
  attention_rate      DOUBLE PRECISION NOT NULL,
  seed                BIGINT           NOT NULL,
  rubric_scoring      BOOLEAN          NOT NULL,
  min_rationale_chars INTEGER          NOT NULL,
  created_at          VARCHAR(40)      NOT NULL
);

-- A blinded pair: a candidate deliverable (a model's, or a deliberately broken one for an
-- attention check) against its task's baseline, with what the grader needs to judge it.
CREATE TABLE grading_pairs (
  id           VARCHAR(32)  NOT NULL PRIMARY KEY,
  campaign_id  VARCHAR(32)  NOT NULL REFERENCES grading_campaigns (id),
  kind         VARCHAR(20)  NOT NULL,
  task_id      VARCHAR(200) NOT NULL,
  task_title   TEXT         NOT NULL,
  occupation   VARCHAR(300) NOT NULL,
  sector       VARCHAR(300) NOT NULL,
  model        VARCHAR(200),
  sample       INTEGER      NOT NULL,
  attempt_id   TEXT,
  request_from TEXT,
  request_text TEXT         NOT NULL,
  rubric_json  TEXT         NOT NULL
);

CREATE INDEX grading_pairs_by_campaign ON grading_pairs (campaign_id);

-- The files of a pair by role (candidate, baseline, reference), kept in the blob store by sha256.
CREATE TABLE grading_pair_files (
  pair_id     VARCHAR(32) NOT NULL REFERENCES grading_pairs (id),
  role        VARCHAR(20) NOT NULL,
  ordinal     INTEGER     NOT NULL,
  name        TEXT        NOT NULL,
  sha256      VARCHAR(64) NOT NULL,
  size_bytes  BIGINT      NOT NULL,
  description TEXT,
  PRIMARY KEY (pair_id, role, ordinal)
);

-- One pair given to one grader. baseline_side is the blinding key: it never leaves the server.
-- A grader never gets the same task twice in a campaign (the unique key says so).
CREATE TABLE grading_assignments (
  id             VARCHAR(32)  NOT NULL PRIMARY KEY,
  campaign_id    VARCHAR(32)  NOT NULL REFERENCES grading_campaigns (id),
  pair_id        VARCHAR(32)  NOT NULL REFERENCES grading_pairs (id),
  grader_id      VARCHAR(100) NOT NULL REFERENCES grading_graders (id),
  task_id        VARCHAR(200) NOT NULL,
  baseline_side  VARCHAR(1)   NOT NULL,
  position       INTEGER      NOT NULL,
  status         VARCHAR(20)  NOT NULL,
  seconds_spent  INTEGER      NOT NULL,
  draft_json     TEXT,
  draft_saved_at VARCHAR(40),
  UNIQUE (campaign_id, grader_id, task_id)
);

CREATE INDEX grading_assignments_by_grader ON grading_assignments (grader_id, campaign_id, position);
CREATE INDEX grading_assignments_by_pair ON grading_assignments (pair_id);

-- Every submission of an assignment; a re-submission adds a version, never replaces one.
-- verdict is as the grader saw it (A, B, tie); outcome is from the candidate's side.
CREATE TABLE grading_submissions (
  assignment_id VARCHAR(32) NOT NULL REFERENCES grading_assignments (id),
  version       INTEGER     NOT NULL,
  verdict       VARCHAR(10),
  outcome       VARCHAR(10),
  rubric_json   TEXT,
  rationale     TEXT,
  ai_guess      VARCHAR(20),
  flag          VARCHAR(40),
  flag_note     TEXT,
  seconds       INTEGER     NOT NULL,
  source        VARCHAR(20) NOT NULL,
  submitted_at  VARCHAR(40) NOT NULL,
  PRIMARY KEY (assignment_id, version)
);

-- One-time invite tokens and sign-in sessions, kept as sha256 hashes of the tokens.
CREATE TABLE grading_invites (
  token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
  grader_id  VARCHAR(100) NOT NULL REFERENCES grading_graders (id),
  created_at VARCHAR(40)  NOT NULL,
  expires_at VARCHAR(40)  NOT NULL,
  used_at    VARCHAR(40)
);

CREATE TABLE grading_sessions (
  token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
  grader_id  VARCHAR(100) NOT NULL REFERENCES grading_graders (id),
  csrf_token VARCHAR(64)  NOT NULL,
  created_at VARCHAR(40)  NOT NULL,
  expires_at VARCHAR(40)  NOT NULL
);
