package dev.parity.cli;

import dev.parity.core.ParityException;
import dev.parity.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --db} option of every command that reads or writes the store: the SQLite file, with
 * its blobs in {@code FILE.blobs/} beside it. A command opens one {@link Database} and hands it to
 * the stores it needs (runs, judgments, campaigns).
 */
final class StoreOption {
  @Option(names = "--db", paramLabel = "FILE", defaultValue = "${env:PARITY_DB:-parity.db}",
      description = "The store: an SQLite file, with its blobs in FILE.blobs/ beside it "
          + "(default: $PARITY_DB, else parity.db in the working folder).")
  Path file;

  /** Opens the store, creating it if needed, its schema brought up to date; close it when done. */
  Database open() {
    return Database.open(file);
  }

  /** Opens a store that must exist already: reading a run from a store that is not there is a mistake. */
  Database openExisting() {
    if (!Files.isRegularFile(file)) {
      throw new ParityException("no store at " + file.toAbsolutePath()
          + ": give the store's file with --db FILE (or set PARITY_DB)");
    }
    return Database.open(file);
  }
}
