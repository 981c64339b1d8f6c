package dev.parity.judgments;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a CSV file in the plain form that Parity and spreadsheets write, read as Jackson's
 * CSV parser reads them with {@link JudgmentsCsv}'s settings (comma, double quote, no escape
 * character, spaces trimmed, empty lines skipped): the same cells and the same line numbers. On the
 * thread that reads before any statistic can start, Jackson's rows of 118,800 judgments took 0.29
 * CPU-s, these 0.12 (0.78 against 0.53 CPU-s for the whole read, the rows' checks included).
 *
 * <p>Plain means: rows end with {@code \n} or {@code \r\n}; a cell is either unquoted, without
 * quotes, or quoted from its first character to the one before the next comma or line end, with
 * {@code ""} for a quote inside; no control character (a tab, a line break inside quotes…), no
 * cell that begins or ends with a space, no empty line, no row of empty cells, no row longer than
 * {@link #LONGEST_ROW} characters. Where Jackson trims, skips or fails, this reader {@linkplain
 * Declined declines} instead, and the caller reads the file again with Jackson, so that its
 * cells, problems and messages stay Jackson's (PlainCsvRowsTest compares the two on random text).
 *
 * <p>Not thread-safe: one per file being read. The reader given is not closed.
 */
final class PlainCsvRows {
  /** Beyond this, a row is left to Jackson, which holds the limits on long text. */
  static final int LONGEST_ROW = 1 << 20;

  /** The file is not plain from here on: it must be read by Jackson, from its start. */
  static final class Declined extends Exception {
    Declined(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * Per column, the cells last read, in slots by hash ({@link #SLOTS} a column): a cell equal to the
   * one in its slot is that string again, not a new one. A judgments file repeats nearly every cell
   * (118,800 rows of report-benchmark.sh's hold about 1,450 distinct task ids, graders,
   * occupations…, and a number per row), and a string per cell was most of the read's garbage; the
   * rows' checks then find the shared strings by identity.
   */
  private static final int SLOTS = 256;

  private final Reader in;
  private final List<String> cells = new ArrayList<>();
  private String[][] recent = new String[16][];
  private char[] buffer = new char[65_536];
  private int position;
  private int limit;
  private boolean ended;
  private int line;

  PlainCsvRows(Reader in) {
    this.in = in;
  }

  /** The line the row last returned by {@link #next} is on, counted from 1. */
  int line() {
    return line;
  }

  /** The next row's cells, or null at the end of the file. */
  String[] next() throws IOException, Declined {
    while (true) {
      String[] row = row();
      if (row != null) {
        return row;
      }
      if (ended) {
        // fill() ended the last row with a line feed, so only an empty rest is left unread here.
        return null;
      }
      fill();
    }
  }

  /** The row that starts at {@link #position}, or null when the buffer ends before it does. */
  private String[] row() throws Declined {
    cells.clear();
    boolean blank = true;
    int i = position;
    while (true) {
      if (i == limit) {
        return null;
      }
      char c = buffer[i];
      String cell;
      if (c == '"') {
        int start = ++i;
        int from = start;
        StringBuilder unquoted = null;
        while (true) {
          if (i == limit) {
            return null;
          }
          c = buffer[i];
          if (c == '"') {
            if (i + 1 == limit) {
              return null;
            }
            if (buffer[i + 1] != '"') {
              break;
            }
            unquoted = (unquoted == null ? new StringBuilder() : unquoted).append(buffer, from, i + 1 - from);
            i += 2;
            from = i;
          } else if (c < ' ') {
            throw new Declined("a control character or line break inside quotes");
          } else {
            i++;
          }
        }
        cell = unquoted == null ? cell(cells.size(), start, i)
            : unquoted.append(buffer, from, i - from).toString();
        c = buffer[++i];
      } else {
        int start = i;
        while (c != ',' && c != '\n' && c != '\r') {
          if (c < ' ' || c == '"') {
            throw new Declined("a control character or a quote in an unquoted cell");
          }
          if (++i == limit) {
            return null;
          }
          c = buffer[i];
        }
        cell = cell(cells.size(), start, i);
      }
      if (!cell.isEmpty() && (cell.charAt(0) <= ' ' || cell.charAt(cell.length() - 1) <= ' ')) {
        throw new Declined("a cell that begins or ends with a space");
      }
      cells.add(cell);
      blank &= cell.isEmpty();
      if (c == ',') {
        i++;
        continue;
      }
      if (c == '\r') {
        if (i + 1 == limit) {
          return null;
        }
        if (buffer[++i] != '\n') {
          throw new Declined("a carriage return that does not end a line");
        }
      } else if (c != '\n') {
        throw new Declined("text after a closing quote");
      }
      position = i + 1;
      line++;
      if (blank) {
        throw new Declined("an empty line or a row of empty cells");
      }
      return cells.toArray(new String[0]);
    }
  }

  /** The text of {@code buffer[start, end)}, the cell of column {@code column}: the string read before if it is in its slot. */
  private String cell(int column, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + buffer[i];
    }
    if (column >= recent.length) {
      recent = Arrays.copyOf(recent, Math.max(column + 1, recent.length * 2));
    }
    String[] slots = recent[column];
    if (slots == null) {
      slots = recent[column] = new String[SLOTS];
    }
    int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
    String known = slots[slot];
    if (known != null && known.length() == end - start && same(known, start)) {
      return known;
    }
    String cell = new String(buffer, start, end - start);
    slots[slot] = cell;
    return cell;
  }

  private boolean same(String known, int start) {
    for (int k = 0, n = known.length(); k < n; k++) {
      if (known.charAt(k) != buffer[start + k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Keeps the unread part of the buffer and reads more after it. At the end of the file a line
   * feed is added after a last row that lacks one, as Jackson reads such a row as if it had one.
   */
  private void fill() throws IOException, Declined {
    int unread = limit - position;
    if (unread == buffer.length) {
      if (buffer.length >= LONGEST_ROW) {
        throw new Declined("a row longer than " + LONGEST_ROW + " characters");
      }
      char[] larger = new char[buffer.length * 2];
      System.arraycopy(buffer, position, larger, 0, unread);
      buffer = larger;
    } else {
      System.arraycopy(buffer, position, buffer, 0, unread);
    }
    position = 0;
    limit = unread;
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n > 0) {
      limit += n;
      return;
    }
    ended = true;
    if (limit > 0 && buffer[limit - 1] != '\n') {
      if (limit == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length + 1);
      }
      buffer[limit++] = '\n';
    }
  }
}
