package dev.parity.documents;

import java.util.List;
import java.util.Objects;

/**
 * A piece of a document's text and where it is, for finding words in a file and saying where
 * they stand.
 *
 * @param where the place: {@code line 3}, {@code paragraph 2}, {@code table 1 row 2 cell 1},
 *     {@code header}, {@code comment 0}, {@code Sheet1!B2}, {@code comment at Sheet1!B2},
 *     {@code sheet name}, {@code slide 2}, {@code slide 2 notes}, {@code page 4}
 * @param text the text there, never blank
 */
public record TextPiece(String where, String text) {
  public TextPiece {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(text, "text");
  }

  /** Adds a piece to {@code out} unless its text is null or blank. */
  static void add(List<TextPiece> out, String where, String text) {
    if (text != null && !text.isBlank()) {
      out.add(new TextPiece(where, text));
    }
  }
}
