package dev.parity.tasks;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a suite, at a place in a file.
 *
 * @param file the file the problem is in (a folder where the problem is a missing file)
 * @param line 1-based line, or 0 when no position applies
 * @param column 1-based column, or 0 when no position applies
 * @param message what is wrong, in words a suite author can act on
 */
public record Problem(Path file, int line, int column, String message) {

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** A problem with a whole file, with no position inside it. */
  public static Problem inFile(Path file, String message) {
    return new Problem(file, 0, 0, message);
  }

  /** Whether this problem points at a line and column. */
  public boolean hasPosition() {
    return line > 0;
  }

  /** {@code FILE:LINE:COLUMN: message}, or {@code FILE: message} where no position applies. */
  @Override
  public String toString() {
    return hasPosition()
        ? file + ":" + line + ":" + column + ": " + message
        : file + ": " + message;
  }
}
