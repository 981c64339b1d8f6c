-- Pages drawn for graders (docs/grading.md, "Pages"): a cache of page images by what was drawn, and
-- the durable part of the render queue (status queued, rendering, done or failed).
-- Portable SQL: it must run unchanged on SQLite and PostgreSQL.

-- One file drawn by one renderer at one size. id is the hex sha256 of the key
-- (sha256, format, renderer, long_edge, max_pages), the columns beside it say what it is made of.
-- sha256 names the file as stored; its stripped copy is what is drawn (stripping depends only on
-- the bytes and the format). reason says why a failed render failed, for the grader to read.
CREATE TABLE grading_page_renders (
  id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  sha256      VARCHAR(64)  NOT NULL,
  format      VARCHAR(10)  NOT NULL,
  renderer    VARCHAR(200) NOT NULL,
  long_edge   INTEGER      NOT NULL,
  max_pages   INTEGER      NOT NULL,
  status      VARCHAR(20)  NOT NULL,
  reason      TEXT,
  page_count  INTEGER,
  updated_at  VARCHAR(40)  NOT NULL
);

CREATE INDEX grading_page_renders_by_status ON grading_page_renders (status);

-- The pages drawn, each a PNG in the blob store.
CREATE TABLE grading_page_images (
  render_id   VARCHAR(64) NOT NULL REFERENCES grading_page_renders (id),
  number      INTEGER     NOT NULL,
  width       INTEGER     NOT NULL,
  height      INTEGER     NOT NULL,
  png_sha256  VARCHAR(64) NOT NULL,
  PRIMARY KEY (render_id, number)
);
