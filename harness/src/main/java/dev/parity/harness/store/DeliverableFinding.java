package dev.parity.harness.store;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing found about an attempt's deliverable: a requested format missing, a file that could not
 * be built or opened, a broken formula, or a repair made while taking it out of the answer.
 *
 * @param kind what sort of finding
 * @param file the deliverable file concerned; null when it is about the whole deliverable
 * @param message what was found, in a sentence for people
 */
public record DeliverableFinding(Kind kind, String file, String message) {
  public DeliverableFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** The kinds of finding; {@link #id()} is the name in the store. */
  public enum Kind {
    /** A remark or repair made while taking the deliverable out of the answer (a fence removed, a name cleaned). */
    NOTE,
    /** A file of the answer that is not part of the deliverable (unknown format, delivered twice). */
    LEFT_OUT,
    /** A file that could not be built in its requested format. */
    NOT_BUILT,
    /** A requested format that no delivered file has. */
    MISSING,
    /** A file the library for its format cannot open. */
    UNREADABLE,
    /** A file that opens but holds nothing. */
    EMPTY,
    /** A spreadsheet formula that does not parse or evaluates to an error. */
    BROKEN_FORMULA,
    /** A spreadsheet formula using a function the checker cannot evaluate. */
    UNCHECKED_FORMULA,
    /** Characters of a built PDF that no embedded font can show (they print as {@code #}). */
    MISSING_GLYPHS,
    /**
     * A requested format built from a file of another format the model delivered instead (a DOCX
     * from its {@code memo.md}), as {@code parity run --convert-formats} asks; without it, the
     * format would be missing.
     */
    CONVERTED;

    /** The lower-case name in the store: {@code broken_formula}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind stored as {@code id}. */
    public static Kind fromId(String id) {
      return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown deliverable finding kind \"" + id + "\""));
    }
  }

  /** A note about the whole deliverable. */
  public static DeliverableFinding note(String message) {
    return new DeliverableFinding(Kind.NOTE, null, message);
  }

  /**
   * The findings of an attempt stored before findings were kept one by one (store version 1.1):
   * its {@code deliverable_notes}, one note a line; none for null.
   */
  public static List<DeliverableFinding> fromNotes(String notes) {
    return notes == null || notes.isEmpty() ? List.of()
        : Arrays.stream(notes.split("\n", -1)).map(DeliverableFinding::note).toList();
  }

  /** The findings' messages, one a line, as the attempts export shows them; null for none. */
  public static String asNotes(List<DeliverableFinding> findings) {
    return findings.isEmpty() ? null : String.join("\n", findings.stream().map(DeliverableFinding::message).toList());
  }
}
