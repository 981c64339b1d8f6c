package dev.parity.cli;

import dev.parity.core.ParityException;
import dev.parity.store.Database;
import dev.parity.store.PostgresUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --db} and {@code --blobs} options of every command that reads or writes the store:
 * an SQLite file, with its blobs in {@code FILE.blobs/} beside it, or a PostgreSQL URL, with its
 * blobs in the database (docs/teams.md). A command opens one {@link Database} and hands it to the
 * stores it needs (runs, judgments, campaigns).
 */
final class StoreOption {
  @Option(names = "--db", paramLabel = "FILE|URL", defaultValue = "${env:PARITY_DB:-parity.db}",
      description = "The store: an SQLite file, with its blobs in FILE.blobs/ beside it, or "
          + "postgresql://USER@HOST:PORT/DB[?sslmode=MODE] with its blobs in the database; the password "
          + "comes from PGPASSWORD or ~/.pgpass (default: $PARITY_DB, else parity.db in the working folder).")
  String location;

  @Option(names = "--blobs", paramLabel = "DIR",
      description = "Keep the store's blobs in this folder (one every machine can reach) instead.")
  Path blobs;

  /** Opens the store, creating it if needed, its schema brought up to date; close it when done. */
  Database open() {
    return Database.open(location, blobs);
  }

  /** Opens a store that must exist already: reading a run from a store that is not there is a mistake. */
  Database openExisting() {
    if (!exists()) {
      throw new ParityException("no store at " + Path.of(location).toAbsolutePath()
          + ": give the store's file or URL with --db (or set PARITY_DB)");
    }
    return open();
  }

  /** Whether the store may hold data: its file is there, or it is a database server's (asked when opened). */
  boolean exists() {
    return PostgresUrl.isUrl(location) || Files.isRegularFile(Path.of(location));
  }

  /** The store as the user can name it again in a command: its file or its URL (never a password). */
  String name() {
    return PostgresUrl.isUrl(location) ? PostgresUrl.parse(location).toString() : location;
  }
}
