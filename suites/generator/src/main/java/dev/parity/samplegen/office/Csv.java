package dev.parity.samplegen.office;

import java.util.List;
import java.util.stream.Collectors;

/** Writes comma-separated values as RFC 4180 describes them, with LF line ends. Stateless. */
public final class Csv {
  private Csv() {}

  /** A header line and one line per row; fields with commas, quotes or line breaks are quoted. */
  public static String write(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder(line(header));
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("CSV row " + row + " has " + row.size()
            + " fields; the header has " + header.size());
      }
      out.append(line(row));
    }
    return out.toString();
  }

  private static String line(List<String> fields) {
    return fields.stream().map(Csv::field).collect(Collectors.joining(",", "", "\n"));
  }

  private static String field(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
