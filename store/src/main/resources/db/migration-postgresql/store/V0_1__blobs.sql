-- The blob store of a PostgreSQL database (dev.parity.store.DatabaseBlobStore): files kept by the
-- hex sha256 of their bytes, in chunks of at most 1 MiB so that a large file is written and read
-- a chunk at a time. PostgreSQL only (db/migration-postgresql/): an SQLite store keeps its blobs
-- in the folder beside it. See docs/design/0001-store.md.

-- A blob is there, complete, once its row is here: its chunks are written (under a temporary
-- name) and renamed in the same transaction that adds this row.
CREATE TABLE store_blobs (
  sha256     VARCHAR(64) NOT NULL PRIMARY KEY,
  size_bytes BIGINT      NOT NULL,
  chunks     INTEGER     NOT NULL
);

CREATE TABLE store_blob_chunks (
  sha256  VARCHAR(64) NOT NULL,
  ordinal INTEGER     NOT NULL,
  bytes   BYTEA       NOT NULL,
  PRIMARY KEY (sha256, ordinal)
);
