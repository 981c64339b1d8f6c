package dev.parity.judgments;

import java.io.IOException;
import java.io.Writer;

/**
 * Rows of CSV cells written as Jackson's CSV writer writes them with its default schema (comma,
 * double quote, no escape character, "\n" after each row), so that judgments.csv stays byte for
 * byte what it was when Jackson wrote it: a cell is quoted when it is longer than 24 characters
 * or holds a character below {@code '-'} (space, comma, quote, control characters…) or a
 * backslash, and a quote inside a quoted cell is doubled (JudgmentsCsvWriterTest compares the two on
 * random cells). Jackson's writer cost 10 µs a row here, most of it per-row objects and copies
 * (benchmarks/README.md, "Sixth pass: the pipeline").
 *
 * <p>Not thread-safe: one per file being written. {@link #flush} at the end; the writer given is
 * not closed.
 */
final class CsvCells {
  /** Jackson checks at most this many characters and quotes a longer cell whatever it holds. */
  private static final int LONGEST_CHECKED = 24;
  /** The first character that never needs quotes: one past the comma (Jackson's "min safe char"). */
  private static final char FIRST_SAFE = ',' + 1;

  private final Writer out;
  private final char[] buffer = new char[16_384];
  private int length;
  private boolean rowStarted;

  CsvCells(Writer out) {
    this.out = out;
  }

  /** Adds one cell to the current row. */
  void cell(String text) throws IOException {
    if (rowStarted) {
      put(',');
    }
    rowStarted = true;
    if (!needsQuotes(text)) {
      put(text);
      return;
    }
    put('"');
    int from = 0;
    for (int i = text.indexOf('"'); i >= 0; i = text.indexOf('"', from)) {
      put(text, from, i + 1);
      put('"');
      from = i + 1;
    }
    put(text, from, text.length());
    put('"');
  }

  /** Ends the current row. */
  void endRow() throws IOException {
    put('\n');
    rowStarted = false;
  }

  /** Writes what is buffered and flushes the writer. */
  void flush() throws IOException {
    out.write(buffer, 0, length);
    length = 0;
    out.flush();
  }

  static boolean needsQuotes(String text) {
    int n = text.length();
    if (n > LONGEST_CHECKED) {
      return true;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < FIRST_SAFE || c == '\\') {
        return true;
      }
    }
    return false;
  }

  private void put(char c) throws IOException {
    if (length == buffer.length) {
      drain();
    }
    buffer[length++] = c;
  }

  private void put(String text) throws IOException {
    put(text, 0, text.length());
  }

  private void put(String text, int from, int to) throws IOException {
    while (from < to) {
      if (length == buffer.length) {
        drain();
      }
      int n = Math.min(to - from, buffer.length - length);
      text.getChars(from, from + n, buffer, length);
      length += n;
      from += n;
    }
  }

  private void drain() throws IOException {
    out.write(buffer, 0, length);
    length = 0;
  }
}
