package dev.parity.core;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for names that are near a known one. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * {@code "; did you mean \"x\"?"} for the known name closest to {@code given}, or an empty
   * string when none is close enough to be a likely typo.
   */
  public static String didYouMean(String given, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String wanted = given.toLowerCase(Locale.ROOT);
    for (String candidate : known) {
      int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return "";
    }
    boolean close = bestDistance <= Math.max(2, best.length() / 3)
        || best.toLowerCase(Locale.ROOT).contains(wanted) && wanted.length() >= 3
        || wanted.contains(best.toLowerCase(Locale.ROOT)) && best.length() >= 3;
    return close ? "; did you mean \"" + best + "\"?" : "";
  }

  /** Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
