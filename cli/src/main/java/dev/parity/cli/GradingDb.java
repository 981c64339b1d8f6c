package dev.parity.cli;

import dev.parity.graders.campaign.Blobs;
import dev.parity.graders.campaign.FolderBlobs;
import dev.parity.graders.campaign.GradingDatabase;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --db} option of the grading commands: the SQLite store file, with its blobs in
 * {@code FILE.blobs/} beside it (the store's layout), migrated when opened.
 */
final class GradingDb {
  @Option(names = "--db", paramLabel = "FILE", defaultValue = "${env:PARITY_DB:-parity.db}",
      description = "The store: an SQLite file, with its blobs in FILE.blobs/ beside it "
          + "(default: $PARITY_DB, else parity.db in the working folder).")
  Path file;

  /** Opens the store; close it when done. */
  GradingDatabase open() {
    return GradingDatabase.open(file);
  }

  Blobs blobs() {
    Path absolute = file.toAbsolutePath().normalize();
    return new FolderBlobs(absolute.resolveSibling(absolute.getFileName() + ".blobs"));
  }
}
