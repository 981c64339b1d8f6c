package dev.parity.documents;

/**
 * How many pages to draw and how large: the budget a grader's view or a judge's request gets.
 *
 * @param maxPages the most pages drawn, from the first; a longer document is cut there and says so
 * @param longEdge the length in pixels of each image's longer side
 */
public record PageOptions(int maxPages, int longEdge) {
  /** Up to 20 pages, 1,024 pixels on the long edge: what a judge model is sent by default. */
  public static final PageOptions DEFAULT = new PageOptions(20, 1024);

  public PageOptions {
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1, got " + maxPages);
    }
    if (longEdge < 16 || longEdge > 10_000) {
      throw new IllegalArgumentException("longEdge must be between 16 and 10000 pixels, got " + longEdge);
    }
  }
}
