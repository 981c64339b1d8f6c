package dev.parity.reports.stats;

import java.util.Arrays;

/**
 * Pairs of ratings of the same item by two different graders, as two parallel arrays: either
 * every unordered pair of graders within each item, or one grader against each other grader.
 */
final class RatingPairs {
  final double[] first;
  final double[] second;

  private RatingPairs(double[] first, double[] second, int size) {
    this.first = Arrays.copyOf(first, size);
    this.second = Arrays.copyOf(second, size);
  }

  int size() {
    return first.length;
  }

  /** Every unordered pair of ratings of each item. */
  static RatingPairs among(RatingMatrix ratings) {
    Growing pairs = new Growing();
    for (int i = 0; i < ratings.items().size(); i++) {
      double[] values = ratings.ratingsOf(i);
      for (int a = 0; a < values.length; a++) {
        for (int b = a + 1; b < values.length; b++) {
          pairs.add(values[a], values[b]);
        }
      }
    }
    return pairs.done();
  }

  /** The named grader's rating (first) against each other grader's (second), item by item. */
  static RatingPairs ofGrader(RatingMatrix ratings, String grader) {
    int g = ratings.graderIndex(grader);
    Growing pairs = new Growing();
    for (int i = 0; i < ratings.items().size(); i++) {
      double own = ratings.rating(i, g);
      if (Double.isNaN(own)) {
        continue;
      }
      for (int o = 0; o < ratings.graders().size(); o++) {
        double other = ratings.rating(i, o);
        if (o != g && !Double.isNaN(other)) {
          pairs.add(own, other);
        }
      }
    }
    return pairs.done();
  }

  private static final class Growing {
    private double[] first = new double[16];
    private double[] second = new double[16];
    private int size;

    void add(double a, double b) {
      if (size == first.length) {
        first = Arrays.copyOf(first, size * 2);
        second = Arrays.copyOf(second, size * 2);
      }
      first[size] = a;
      second[size++] = b;
    }

    RatingPairs done() {
      return new RatingPairs(first, second, size);
    }
  }
}
