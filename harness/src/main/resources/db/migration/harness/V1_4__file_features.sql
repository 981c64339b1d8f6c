-- How long each deliverable file is and what form it takes (length in words, cells, slides or
-- images; tables, headings, pages, pictures), read once per content: by the sha256 of its bytes,
-- the format it was read as and the version of the definition (docs/store.md#file-features).
-- Reports control for length and format with these figures instead of reading files again.
-- A file that does not open as its format has a problem and no figures.
-- Portable SQL: it must run unchanged on SQLite and PostgreSQL.

CREATE TABLE file_features (
  sha256      VARCHAR(64)  NOT NULL,
  format      VARCHAR(10)  NOT NULL,
  version     INTEGER      NOT NULL,
  length_unit VARCHAR(10),
  length      INTEGER,
  tables      INTEGER,
  headings    INTEGER,
  pages       INTEGER,
  images      INTEGER,
  problem     TEXT,
  PRIMARY KEY (sha256, format, version)
);
