package dev.parity.graders.campaign;

import dev.parity.judgments.Outcome;
import dev.parity.judgments.Side;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well one grader grades, from their latest verdicts in a campaign. Figures with nothing to
 * count are null, never a misleading zero.
 *
 * @param graderId the grader
 * @param verdicts verdicts given on model pairs
 * @param perHour verdicts per hour of recorded time on assignments (attention checks included)
 * @param medianMinutes the median time on an assignment, over those with a recorded time
 * @param leftShare among verdicts that were not a tie, the share that chose the left side (A):
 *     far from ½ over many verdicts suggests position bias
 * @param attentionChecks attention checks answered
 * @param attentionFailures attention checks where the broken deliverable was judged better or as good
 * @param agreement the share of comparisons with other graders' verdicts on the same pairs that
 *     match (same outcome for the model)
 * @param comparisons how many such comparisons there were
 * @param aiGuesses how many times the grader named a side as AI-made
 * @param aiGuessesRight how many of those named the model's side
 */
public record GraderQuality(
    String graderId, int verdicts, Double perHour, Double medianMinutes, Double leftShare, int attentionChecks,
    int attentionFailures, Double agreement, int comparisons, int aiGuesses, int aiGuessesRight) {

  /** One latest verdict, with the blinding key to read it. */
  record Graded(String graderId, String pairId, boolean attentionCheck, Side baselineSide, Verdict verdict,
      Outcome outcome, int seconds, AiGuess aiGuess) {}

  static List<GraderQuality> of(Collection<String> graderIds, List<Graded> all) {
    Map<String, List<Graded>> byGrader = new LinkedHashMap<>();
    graderIds.forEach(id -> byGrader.put(id, new ArrayList<>()));
    all.forEach(g -> byGrader.computeIfAbsent(g.graderId(), id -> new ArrayList<>()).add(g));
    Map<String, List<Graded>> byPair = new LinkedHashMap<>();
    all.stream().filter(g -> !g.attentionCheck()).forEach(g -> byPair.computeIfAbsent(g.pairId(), p -> new ArrayList<>()).add(g));
    List<GraderQuality> result = new ArrayList<>();
    byGrader.forEach((id, graded) -> result.add(of(id, graded, byPair)));
    return result;
  }

  private static GraderQuality of(String id, List<Graded> graded, Map<String, List<Graded>> byPair) {
    List<Graded> models = graded.stream().filter(g -> !g.attentionCheck()).toList();
    List<Graded> checks = graded.stream().filter(Graded::attentionCheck).toList();
    double[] seconds = graded.stream().mapToInt(Graded::seconds).filter(s -> s > 0).sorted().asDoubleStream().toArray();
    double totalSeconds = 0;
    for (double s : seconds) {
      totalSeconds += s;
    }
    Double perHour = seconds.length == 0 ? null : seconds.length / (totalSeconds / 3600);
    Double median = seconds.length == 0 ? null
        : (seconds[(seconds.length - 1) / 2] + seconds[seconds.length / 2]) / 2 / 60;
    long decided = graded.stream().filter(g -> g.verdict() != Verdict.TIE).count();
    long left = graded.stream().filter(g -> g.verdict() == Verdict.A).count();
    // The candidate of an attention check is the broken deliverable: anything but its loss fails.
    int failures = (int) checks.stream().filter(g -> g.outcome() != Outcome.LOSS).count();
    int comparisons = 0;
    int agreements = 0;
    for (Graded mine : models) {
      for (Graded other : byPair.getOrDefault(mine.pairId(), List.of())) {
        if (!other.graderId().equals(id)) {
          comparisons++;
          agreements += other.outcome() == mine.outcome() ? 1 : 0;
        }
      }
    }
    List<Graded> guesses = models.stream().filter(g -> g.aiGuess() == AiGuess.A || g.aiGuess() == AiGuess.B).toList();
    int right = (int) guesses.stream().filter(g -> !g.aiGuess().id().equals(g.baselineSide().label())).count();
    return new GraderQuality(id, models.size(), perHour, median, decided == 0 ? null : (double) left / decided,
        checks.size(), failures, comparisons == 0 ? null : (double) agreements / comparisons, comparisons,
        guesses.size(), right);
  }
}
