package dev.parity.judgments;

import dev.parity.core.Suggestions;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of a CSV file Parity reads (judgments, graders): columns in any order, matched
 * case-insensitively, a byte-order mark ignored; unknown columns (with a "did you mean"), repeated
 * ones and missing required ones reported as problems of line 1.
 */
public final class CsvHeader {
  private CsvHeader() {}

  /**
   * The index of each known column in {@code names}.
   *
   * @param problems where every problem of the header is added
   */
  public static Map<String, Integer> read(String[] names, List<String> known, List<String> required,
      List<String> problems) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      String column = names[i].strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
      if (!known.contains(column)) {
        problems.add("line 1: unknown column \"" + names[i] + "\"" + Suggestions.didYouMean(column, known)
            + "; columns: " + String.join(", ", known));
      } else if (columns.putIfAbsent(column, i) != null) {
        problems.add("line 1: column \"" + column + "\" appears twice");
      }
    }
    for (String column : required) {
      if (!columns.containsKey(column)) {
        problems.add("line 1: missing required column \"" + column + "\"");
      }
    }
    return columns;
  }
}
