package dev.parity.documents;

import java.util.List;
import java.util.Objects;

/**
 * A piece of text anywhere in a file, the hidden places included, for vetting: what it says,
 * where it is, and the name of the field it stands in when it has one.
 *
 * @param where the place, naming the part: {@code paragraph 3}, {@code tracked deletion in
 *     paragraph 7}, {@code comment 0}, {@code hidden sheet Staff!B2}, {@code speaker notes of slide 2},
 *     {@code properties dc:creator}, {@code page 2}, {@code form field iban}, {@code EXIF Artist},
 *     {@code line 4}, {@code row 2 column email}
 * @param text the text there, never blank
 * @param label the name of the field or column the text is the value of ({@code dc:creator},
 *     {@code cp:lastModifiedBy}, {@code Company}, {@code Artist}, {@code date_of_birth}, a
 *     column's header prefixed {@value #COLUMN}), or empty when the text stands on its own
 */
public record Surface(String where, String text, String label) {
  /** The start of a label that is a column's header: the text is one value of a table, not a field of the file. */
  public static final String COLUMN = "column ";

  public Surface {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
  }

  /** Adds a surface to {@code out} unless its text is null or blank. */
  static void add(List<Surface> out, String where, String text, String label) {
    if (text != null && !text.isBlank()) {
      out.add(new Surface(where, text, label == null ? "" : label));
    }
  }

  static void add(List<Surface> out, String where, String text) {
    add(out, where, text, "");
  }
}
