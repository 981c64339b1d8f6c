package dev.parity.samplegen.office;

import java.util.List;

/**
 * Shares a table's width among its columns by how much text each holds, so that a narrow
 * "Cost" column does not get as much room as a "Description" column, while every column keeps
 * room for its longest word. Writers that lay tables out themselves (PDF, DOCX, PPTX) use the
 * same shares.
 */
final class ColumnWidths {
  private static final int MIN_CHARS = 4;
  private static final int MAX_CHARS = 60;

  private ColumnWidths() {}

  /**
   * Each column's share of the table width; the shares add up to 1.
   *
   * @param availableChars about how many characters of the table's font fit across the table
   */
  static double[] of(Doc.Table table, double availableChars) {
    int columns = table.header().size();
    double[] minimum = new double[columns];
    double[] wanted = new double[columns];
    for (int c = 0; c < columns; c++) {
      // Bold header text is wider than body text, hence the allowance on its longest word.
      double longestWord = Math.max(MIN_CHARS, longestWord(table.header().get(c)) * 1.1);
      double total = Inline.plain(table.header().get(c)).length();
      for (List<String> row : table.rows()) {
        String cell = Inline.plain(row.get(c));
        total += cell.length();
        longestWord = Math.max(longestWord, longestWord(cell) * (table.totalRow() ? 1.1 : 1.0));
      }
      double average = total / (table.rows().size() + 1);
      minimum[c] = longestWord + 1.5;
      wanted[c] = Math.max(minimum[c], Math.min(MAX_CHARS, average * 1.4));
    }
    double sumMinimum = sum(minimum);
    double sumWanted = sum(wanted);
    double[] widths = new double[columns];
    for (int c = 0; c < columns; c++) {
      if (sumWanted <= availableChars || sumMinimum >= availableChars) {
        widths[c] = wanted[c];
      } else {
        // Not enough room for every wish: each column gets its longest word, and the room left
        // goes to the columns that wanted more, in proportion to how much more.
        widths[c] = minimum[c] + (availableChars - sumMinimum) * (wanted[c] - minimum[c]) / (sumWanted - sumMinimum);
      }
    }
    double total = sum(widths);
    for (int c = 0; c < columns; c++) {
      widths[c] /= total;
    }
    return widths;
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum;
  }

  private static int longestWord(String text) {
    int longest = 0;
    for (String word : Inline.plain(text).split("\\s+")) {
      longest = Math.max(longest, word.length());
    }
    return longest;
  }
}
