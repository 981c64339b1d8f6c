package dev.parity.reports.report;

import dev.parity.judgments.CriterionScore;
import dev.parity.reports.stats.BootstrapInterval;
import dev.parity.reports.stats.RubricScore;
import dev.parity.reports.stats.TaskBootstrap;
import dev.parity.reports.stats.WilcoxonSignedRankTest;
import dev.parity.tasks.Criterion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rubric scores of deliverables (GDPval's rule, {@link RubricScore#gdpval}) and the comparison of
 * each model's with the professionals' on the same tasks.
 */
final class RubricStats {
  /** subject (model or baseline) → task → score, a task's score the mean over its samples. */
  private final Map<String, Map<String, Double>> scores;
  /** Deliverables scored on only part of their rubric. */
  private final int partial;

  private RubricStats(Map<String, Map<String, Double>> scores, int partial) {
    this.scores = scores;
    this.partial = partial;
  }

  /** How many deliverables were scored on only part of their rubric (the rest count as not met). */
  int partiallyScored() {
    return partial;
  }

  /**
   * Scores every deliverable. A criterion scored by several graders counts with the mean of their
   * shares. The rubric is the suite's when the suite has the task; otherwise the criteria scored
   * for that task, with their points.
   *
   * @throws InvalidReportInputException if a scored criterion is not in the task's rubric, or one
   *     criterion is given different points
   */
  static RubricStats of(List<CriterionScore> criterionScores, TaskFacts facts) {
    // (task, subject, sample) → criterion → shares given
    Map<List<Object>, Map<String, List<Double>>> deliverables = new LinkedHashMap<>();
    Map<String, Map<String, Double>> pointsSeen = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (CriterionScore s : criterionScores) {
      deliverables.computeIfAbsent(List.of(s.taskId(), s.subject(), s.sample()), k -> new LinkedHashMap<>())
          .computeIfAbsent(s.criterionId(), k -> new ArrayList<>()).add(s.share());
      Double earlier = pointsSeen.computeIfAbsent(s.taskId(), k -> new LinkedHashMap<>())
          .putIfAbsent(s.criterionId(), s.points());
      if (earlier != null && earlier != s.points()) {
        problems.add("criterion '" + s.criterionId() + "' of task '" + s.taskId() + "' is worth "
            + earlier + " points in one score and " + s.points() + " in another");
      }
    }
    Map<String, Map<String, List<Double>>> bySubject = new TreeMap<>();
    int[] partial = {0};
    deliverables.forEach((key, shares) -> {
      String task = (String) key.get(0);
      List<Criterion> rubric = facts.of(task).map(f -> f.task().rubric())
          .orElseGet(() -> rubricFromScores(pointsSeen.get(task)));
      if (shares.size() < rubric.size()) {
        partial[0]++;
      }
      Map<String, Double> mean = new LinkedHashMap<>();
      shares.forEach((criterion, given) ->
          mean.put(criterion, given.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
      try {
        double score = RubricScore.gdpval(rubric, mean);
        bySubject.computeIfAbsent((String) key.get(1), k -> new TreeMap<>())
            .computeIfAbsent(task, k -> new ArrayList<>()).add(score);
      } catch (IllegalArgumentException e) {
        problems.add("rubric scores of " + key.get(1) + " on task '" + task + "' (sample "
            + key.get(2) + "): " + e.getMessage());
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidReportInputException(problems);
    }
    Map<String, Map<String, Double>> scores = new TreeMap<>();
    bySubject.forEach((subject, tasks) -> {
      Map<String, Double> mean = new TreeMap<>();
      tasks.forEach((task, samples) ->
          mean.put(task, samples.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
      scores.put(subject, mean);
    });
    return new RubricStats(scores, partial[0]);
  }

  private static List<Criterion> rubricFromScores(Map<String, Double> points) {
    List<Criterion> rubric = new ArrayList<>();
    points.forEach((id, p) -> rubric.add(new Criterion(id, id, p, false, List.of(), null)));
    return rubric;
  }

  /** The score of {@code subject}'s deliverable on {@code task}, or null. */
  Double score(String subject, String task) {
    return scores.getOrDefault(subject, Map.of()).get(task);
  }

  /** Each model against the professionals, on the tasks where both were scored. */
  List<RubricResult> compare(ReportSettings settings) {
    Map<String, Double> baseline = scores.getOrDefault(CriterionScore.BASELINE, Map.of());
    List<RubricResult> results = new ArrayList<>();
    TaskBootstrap bootstrap = TaskBootstrap.expandedTasks(settings.bootstrap());
    scores.forEach((subject, tasks) -> {
      if (subject.equals(CriterionScore.BASELINE)) {
        return;
      }
      List<String> paired = tasks.keySet().stream().filter(baseline::containsKey).toList();
      if (paired.isEmpty()) {
        return;
      }
      double[] model = paired.stream().mapToDouble(tasks::get).toArray();
      double[] human = paired.stream().mapToDouble(baseline::get).toArray();
      List<double[]> differences = new ArrayList<>();
      for (int i = 0; i < model.length; i++) {
        differences.add(new double[] {model[i] - human[i]});
      }
      BootstrapInterval difference = bootstrap.mean(differences);
      WilcoxonSignedRankTest.Result test = WilcoxonSignedRankTest.withDefaults().test(model, human);
      results.add(new RubricResult(subject, paired.size(), mean(model), mean(human),
          difference.estimate(), Interval.of(difference.interval()), test.pTwoSided(),
          test.method().name().toLowerCase(Locale.ROOT)));
    });
    return results;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
