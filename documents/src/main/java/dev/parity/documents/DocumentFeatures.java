package dev.parity.documents;

import java.util.Objects;

/**
 * How long a document is and what form it takes, for comparing two deliverables whatever made
 * them: a grader or a judge may prefer the longer or the more structured one for that alone, and
 * a report controls for it (see docs/report-format.md, {@code length_control}).
 *
 * <p>Length is counted in the unit that fits the format ({@link LengthUnit}): the words of a
 * document's text (DOCX, PDF, Markdown, plain text, JSON), the non-empty cells of a table (XLSX,
 * CSV), the slides of a deck (PPTX); an image counts as one image.
 *
 * @param length the length, in {@code unit}s; zero or more
 * @param unit what {@code length} counts
 * @param tables tables: a Word document's or a deck's tables, a workbook's sheets with a non-empty
 *     cell, a Markdown table, a CSV file with a non-empty cell
 * @param headings headings: a Word document's heading and title paragraphs, a deck's slide titles,
 *     Markdown headings, a PDF's bookmarks
 * @param pages pages: a PDF's pages, a deck's slides, the page count Word stored in a DOCX file
 *     (0 without one); 0 for formats without pages
 * @param images pictures: embedded in a DOCX, XLSX, PPTX or PDF file, linked from Markdown; 1 for
 *     an image file
 */
public record DocumentFeatures(int length, LengthUnit unit, int tables, int headings, int pages, int images) {
  public DocumentFeatures {
    Objects.requireNonNull(unit, "unit");
    if (length < 0 || tables < 0 || headings < 0 || pages < 0 || images < 0) {
      throw new IllegalArgumentException("document features are counts, zero or more: length " + length
          + ", tables " + tables + ", headings " + headings + ", pages " + pages + ", images " + images);
    }
  }

  /** What a document's length counts. */
  public enum LengthUnit {
    /** Words of text: runs of characters between white space that hold a letter or a digit. */
    WORDS,
    /** Non-empty cells of a table. */
    CELLS,
    /** Slides of a deck. */
    SLIDES,
    /** Image files. */
    IMAGES;

    /** The unit's name in files: {@code words}, {@code cells}, {@code slides}, {@code images}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The unit named {@code id}, as {@link #id()} writes it. */
    public static LengthUnit fromId(String id) {
      for (LengthUnit unit : values()) {
        if (unit.id().equals(id)) {
          return unit;
        }
      }
      throw new IllegalArgumentException("unknown length unit \"" + id + "\"; known: words, cells, slides, images");
    }
  }

  /**
   * The words in {@code text}: runs of characters between white space that hold a letter or a
   * digit, so that markup such as {@code #}, {@code -} or {@code |} is not a word.
   */
  static int words(String text) {
    int words = 0;
    boolean counted = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c)) {
        counted = false;
      } else if (!counted && Character.isLetterOrDigit(c)) {
        words++;
        counted = true;
      }
    }
    return words;
  }
}
