package dev.parity.samplegen.office;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Doc.Table} row by row. Not thread-safe.
 *
 * <pre>{@code
 * Tables.header("Item", "Cost").numeric(1).row("Charter", "$68,000").total("Total", "$68,000").build()
 * }</pre>
 */
public final class Tables {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<Integer> numeric = new ArrayList<>();
  private boolean total;

  private Tables(List<String> header) {
    this.header = header;
  }

  public static Tables header(String... titles) {
    return new Tables(List.of(titles));
  }

  /** Marks columns, by 0-based index, as numeric (right-aligned). */
  public Tables numeric(int... columns) {
    for (int column : columns) {
      numeric.add(column);
    }
    return this;
  }

  public Tables row(String... cells) {
    if (total) {
      throw new IllegalStateException("the total row must be the last row");
    }
    rows.add(List.of(cells));
    return this;
  }

  public Tables row(List<String> cells) {
    return row(cells.toArray(String[]::new));
  }

  /** Adds the last row, shown as a total. */
  public Tables total(String... cells) {
    row(cells);
    total = true;
    return this;
  }

  public Doc.Table build() {
    return new Doc.Table(header, rows, total, numeric);
  }
}
