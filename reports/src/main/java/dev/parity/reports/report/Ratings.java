package dev.parity.reports.report;

import dev.parity.judgments.Judgment;
import dev.parity.judgments.Outcome;
import dev.parity.reports.stats.BootstrapInterval;
import dev.parity.reports.stats.BradleyTerry;
import dev.parity.reports.stats.BradleyTerryIntervals;
import dev.parity.reports.stats.Comparisons;
import dev.parity.reports.stats.UnableToFitException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bradley–Terry ratings of the models and the professionals' baseline, per connected group of
 * players: players linked by judgments, directly or through others. A model never linked to the
 * professionals is never ranked against them: its group has its own scale. A tie counts as half a
 * win to each side.
 */
final class Ratings {
  private Ratings() {}

  /**
   * The ratings with their intervals, group by group and best first within a group, and how each
   * group was fitted.
   *
   * @param ratings empty for a group that could not be fitted
   */
  record Fitted(List<Rating> ratings, List<RatingsFit> fits) {

    /** The fit of the professionals' group, or of the first group when none has them; null when there are no judgments. */
    RatingsFit main() {
      return fits.isEmpty() ? null : fits.get(0);
    }
  }

  static Fitted compute(List<Judgment> judgments, ReportSettings settings) {
    List<Rating> ratings = new ArrayList<>();
    List<RatingsFit> fits = new ArrayList<>();
    Set<String> againstBaseline = new HashSet<>();
    judgments.stream().filter(Judgment::againstBaseline).forEach(j -> againstBaseline.add(j.model()));
    int number = 1;
    for (List<Judgment> group : groups(judgments)) {
      fit(number++, group, againstBaseline, settings, ratings, fits);
    }
    return new Fitted(ratings, fits);
  }

  /** The judgments split by connected group of players: the professionals' group first, then by size and name. */
  static List<List<Judgment>> groups(List<Judgment> judgments) {
    Map<String, String> parent = new HashMap<>();
    for (Judgment j : judgments) {
      union(parent, j.model(), j.opponent());
    }
    Map<String, List<Judgment>> byRoot = new HashMap<>();
    for (Judgment j : judgments) {
      byRoot.computeIfAbsent(find(parent, j.model()), r -> new ArrayList<>()).add(j);
    }
    // Every player is in the parent map (find puts each one it is asked), so each group's members
    // are its players there: a few dozen, not two set additions per judgment.
    Map<String, TreeSet<String>> members = new HashMap<>();
    for (String player : List.copyOf(parent.keySet())) {
      members.computeIfAbsent(find(parent, player), r -> new TreeSet<>()).add(player);
    }
    List<String> roots = new ArrayList<>(byRoot.keySet());
    roots.sort(Comparator.<String, Boolean>comparing(r -> !members.get(r).contains(Judgment.BASELINE))
        .thenComparing(r -> -members.get(r).size()).thenComparing(r -> members.get(r).first()));
    return roots.stream().map(byRoot::get).toList();
  }

  private static String find(Map<String, String> parent, String player) {
    String root = player;
    while (!parent.getOrDefault(root, root).equals(root)) {
      root = parent.get(root);
    }
    parent.put(player, root);
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }

  private static void fit(int number, List<Judgment> judgments, Set<String> againstBaseline, ReportSettings settings,
      List<Rating> ratings, List<RatingsFit> fits) {
    Comparisons.Builder builder = Comparisons.builder();
    for (Judgment j : judgments) {
      builder.add(j.taskId(), j.model(), j.opponent(), j.outcome());
    }
    Comparisons comparisons = builder.build();
    List<String> members = new ArrayList<>(new TreeSet<>(comparisons.players()));
    boolean professionals = members.contains(Judgment.BASELINE);
    String anchor = professionals ? Judgment.BASELINE : members.get(0);
    int resamples = settings.refitResamples();
    try {
      BradleyTerryIntervals fitted = BradleyTerry.bootstrap(comparisons, anchor, settings.refit());
      List<Rating> group = new ArrayList<>();
      fitted.intervals().forEach((player, interval) -> group.add(rating(number, player, interval,
          player.equals(Judgment.BASELINE) || againstBaseline.contains(player))));
      group.sort(Comparator.comparingDouble(Rating::rating).reversed().thenComparing(Rating::player));
      ratings.addAll(group);
      fits.add(new RatingsFit(number, members, anchor, fitted.estimate().anchorRating(), comparisons.judgments(),
          resamples, fitted.unfitResamples(), null, List.of()));
    } catch (UnableToFitException e) {
      fits.add(new RatingsFit(number, members, anchor, BradleyTerry.DEFAULT_ANCHOR_RATING, comparisons.judgments(),
          resamples, 0, e.getMessage(), e.players()));
    }
  }

  private static Rating rating(int group, String player, BootstrapInterval interval, boolean compared) {
    boolean bounded = Double.isFinite(interval.low()) && Double.isFinite(interval.high());
    return new Rating(group, player, interval.estimate(), bounded ? interval.low() : null,
        bounded ? interval.high() : null, compared);
  }
}
