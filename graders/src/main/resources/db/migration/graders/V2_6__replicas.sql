-- State the grading app shares between replicas (docs/teams.md, "Grading app replicas").
-- Portable SQL: it must run unchanged on SQLite and PostgreSQL.

-- Sessions no longer keep their CSRF token in clear: it is derived from the session's token
-- (Accounts.csrfToken), which the store keeps only as a sha256 hash. The table is made again, so
-- upgrading signs everyone out once; nothing else is lost (drafts live on the assignments).
DROP TABLE grading_sessions;

CREATE TABLE grading_sessions (
  token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
  grader_id  VARCHAR(100) NOT NULL REFERENCES grading_graders (id),
  created_at VARCHAR(40)  NOT NULL,
  expires_at VARCHAR(40)  NOT NULL
);

CREATE INDEX grading_sessions_by_grader ON grading_sessions (grader_id);

-- The sign-in limiter (docs/grading.md, "Sign-in"; SignInLimiter holds the rules): one row per
-- account ("account:<grader id>", or "account:name:<name tried>" when it names no one) and per
-- address ("address:<ip>"). failures counts the tries not known to have succeeded; since is the
-- last try (an account's) or the start of the window (an address's).
CREATE TABLE grading_sign_in_limits (
  subject  VARCHAR(400) NOT NULL PRIMARY KEY,
  failures INTEGER      NOT NULL,
  since    VARCHAR(40)  NOT NULL
);
