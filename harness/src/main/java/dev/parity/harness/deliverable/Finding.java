package dev.parity.harness.deliverable;

import java.util.Objects;

/**
 * Something wrong with a deliverable that a grader and the report must know about: a promised
 * format that is missing, a file that does not open, is empty, holds a broken formula, or (built
 * PDF) has characters it cannot show.
 * A value, never thrown.
 *
 * @param kind what kind of problem it is, for counting in reports
 * @param file the file's name, or the missing format's id for {@link Kind#MISSING}
 * @param where the place inside the file ({@code Sheet1!C4}), or empty
 * @param message the whole finding in words, e.g. {@code xlsx with broken formula in Sheet1!C4}
 */
public record Finding(Kind kind, String file, String where, String message) {
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(message, "message");
  }

  /** The kinds of finding. */
  public enum Kind {
    /** A requested format that no delivered file has. */
    MISSING,
    /** A file the library for its format cannot open. */
    UNREADABLE,
    /** A file that opens but holds nothing: no text, no cells, no slides, no pages. */
    EMPTY,
    /** A spreadsheet formula that does not parse or evaluates to an error. */
    BROKEN_FORMULA,
    /** A spreadsheet formula using a function the checker cannot evaluate: not known to be broken. */
    UNCHECKED_FORMULA,
    /** Characters of a built PDF that no embedded font can show: they print as {@code #}. */
    MISSING_GLYPHS
  }

  @Override
  public String toString() {
    return message;
  }
}
