package dev.parity.reports.report;

import java.util.Objects;

/**
 * Where some of a report's data came from.
 *
 * @param kind {@code run}, {@code stored_judgments}, {@code campaign}, {@code judgments_csv} or
 *     {@code judgments} (judgments handed over in code)
 * @param name the run or campaign id, the file, or the judgments' source in the store
 * @param example whether the data are examples, not real results: the report then says so in a
 *     banner on top
 */
public record Source(String kind, String name, boolean example) {

  public Source {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }
}
