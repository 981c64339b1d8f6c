package dev.parity.reports.stats;

import dev.parity.judgments.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ratings of items by graders, some missing: the input of the agreement measures. An item is
 * one thing graded (a pair of deliverables, a deliverable against a rubric); a rating is a number
 * — for pairwise verdicts, the {@link Outcome#score()} of the verdict (1 win, ½ tie, 0 loss).
 *
 * <p>Immutable. Build it from (item, grader, rating) triples with {@link #builder()}, or from a
 * matrix with {@link #of(double[][])}.
 */
public final class RatingMatrix {
  private final List<String> items;
  private final List<String> graders;
  /** values[item][grader], NaN where the grader did not rate the item. */
  private final double[][] values;

  private RatingMatrix(List<String> items, List<String> graders, double[][] values) {
    this.items = List.copyOf(items);
    this.graders = List.copyOf(graders);
    this.values = values;
  }

  /**
   * The ratings {@code rows[item][grader]}, NaN for a missing rating. Items and graders are named
   * by their 1-based positions ("1", "2", …).
   *
   * @throws IllegalArgumentException if rows differ in length or a rating is infinite
   */
  public static RatingMatrix of(double[][] rows) {
    return of(positions(rows.length), positions(rows.length == 0 ? 0 : rows[0].length), rows);
  }

  /**
   * The ratings {@code rows[item][grader]}, NaN for a missing rating, of the items and graders
   * named, in their order; the rows are copied.
   *
   * @throws IllegalArgumentException if there is not one row per item and one rating per grader in
   *     every row, or a rating is infinite
   */
  public static RatingMatrix of(List<String> items, List<String> graders, double[][] rows) {
    if (rows.length != items.size()) {
      throw new IllegalArgumentException(rows.length + " rows for " + items.size() + " items");
    }
    double[][] values = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != graders.size()) {
        throw new IllegalArgumentException("row " + (i + 1) + " has " + rows[i].length
            + " ratings for " + graders.size() + " graders");
      }
      for (int g = 0; g < rows[i].length; g++) {
        if (Double.isInfinite(rows[i][g])) {
          throw new IllegalArgumentException("rating of item " + (i + 1) + " by grader " + (g + 1)
              + " is infinite");
        }
      }
      values[i] = rows[i].clone();
    }
    return new RatingMatrix(items, graders, values);
  }

  /** A builder with no ratings yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** The items, in order of first appearance. */
  public List<String> items() {
    return items;
  }

  /** The graders, in order of first appearance. */
  public List<String> graders() {
    return graders;
  }

  /** The rating of item {@code item} by grader {@code grader} (indices), NaN if missing. */
  public double rating(int item, int grader) {
    return values[item][grader];
  }

  /**
   * The ratings of some items by some graders, by index, in the order given. An item given twice
   * (a bootstrap resample draws items with replacement) is there twice, under the same name.
   *
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public RatingMatrix select(int[] itemIndices, int[] graderIndices) {
    List<String> selectedItems = new ArrayList<>(itemIndices.length);
    List<String> selectedGraders = new ArrayList<>(graderIndices.length);
    for (int g : graderIndices) {
      selectedGraders.add(graders.get(g));
    }
    double[][] selected = new double[itemIndices.length][graderIndices.length];
    for (int r = 0; r < itemIndices.length; r++) {
      selectedItems.add(items.get(itemIndices[r]));
      double[] row = values[itemIndices[r]];
      for (int c = 0; c < graderIndices.length; c++) {
        selected[r][c] = row[graderIndices[c]];
      }
    }
    return new RatingMatrix(selectedItems, selectedGraders, selected);
  }

  /** The index of {@code grader}, for measures of one grader against the others. */
  int graderIndex(String grader) {
    int g = graders.indexOf(grader);
    if (g < 0) {
      throw new IllegalArgumentException("no grader '" + grader + "'; graders: " + graders);
    }
    return g;
  }

  /** The ratings of item {@code item}, missing ones left out. */
  double[] ratingsOf(int item) {
    return Arrays.stream(values[item]).filter(v -> !Double.isNaN(v)).toArray();
  }

  private static List<String> positions(int n) {
    List<String> names = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      names.add(Integer.toString(i));
    }
    return names;
  }

  /** Collects ratings; not thread-safe. */
  public static final class Builder {
    private static final double[] NONE = new double[0];

    /** Each item's index in {@link #items} and {@link #rows}. */
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final List<String> items = new ArrayList<>();
    /**
     * Each item's ratings by grader index, NaN where missing, as long as the highest grader index
     * that rated it: a rating is a double in an array, not a boxed value in a map per item (the
     * report adds about a hundred thousand).
     */
    private final List<double[]> rows = new ArrayList<>();
    private final Map<String, Integer> graders = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds the rating of {@code item} by {@code grader}.
     *
     * @throws IllegalArgumentException if the rating is not finite or the grader already rated
     *     the item
     */
    public Builder add(String item, String grader, double rating) {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(grader, "grader");
      if (!Double.isFinite(rating)) {
        throw new IllegalArgumentException("rating of item '" + item + "' by grader '" + grader
            + "' is not finite: " + rating);
      }
      Integer i = itemIndex.get(item);
      if (i == null) {
        i = items.size();
        itemIndex.put(item, i);
        items.add(item);
        rows.add(NONE);
      }
      Integer g = graders.get(grader);
      if (g == null) {
        g = graders.size();
        graders.put(grader, g);
      }
      double[] row = rows.get(i);
      if (g >= row.length) {
        row = resized(row, Math.max(g + 1, 2 * row.length));
        rows.set(i, row);
      }
      if (!Double.isNaN(row[g])) {
        throw new IllegalArgumentException("grader '" + grader + "' rated item '" + item
            + "' twice (" + row[g] + " and " + rating + ")");
      }
      row[g] = rating;
      return this;
    }

    /** A copy of {@code row} cut or lengthened to {@code length}, NaN (no rating) where lengthened. */
    private static double[] resized(double[] row, int length) {
      double[] resized = Arrays.copyOf(row, length);
      if (row.length < length) {
        Arrays.fill(resized, row.length, length, Double.NaN);
      }
      return resized;
    }

    /** Adds a pairwise verdict as its score (win 1, tie ½, loss 0); as above. */
    public Builder add(String item, String grader, Outcome verdict) {
      return add(item, grader, verdict.score());
    }

    /** The ratings added so far. */
    public RatingMatrix build() {
      int graderCount = graders.size();
      double[][] values = new double[rows.size()][];
      for (int i = 0; i < values.length; i++) {
        values[i] = resized(rows.get(i), graderCount);
      }
      return new RatingMatrix(items, new ArrayList<>(graders.keySet()), values);
    }
  }
}
