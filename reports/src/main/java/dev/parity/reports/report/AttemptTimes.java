package dev.parity.reports.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The measured attempts per player ({@link Players}: a model, or the professionals together) and
 * task: how many, how long, what cost.
 */
final class AttemptTimes {
  /**
   * A model's attempts on one task.
   *
   * @param attempts how many
   * @param minutes the mean minutes per attempt
   * @param costUsd the mean cost per attempt; null unless every attempt's cost is known
   * @param reportedMinutes the mean reported minutes per attempt (professionals: measured plus
   *     their stated time outside the work page); null unless every attempt has them
   */
  record Measured(int attempts, double minutes, Double costUsd, Double reportedMinutes) {}

  private final Map<String, Map<String, Measured>> byModel = new HashMap<>();

  private AttemptTimes(List<ReportInput.MeasuredAttempt> attempts) {
    Map<String, Map<String, List<ReportInput.MeasuredAttempt>>> grouped = new HashMap<>();
    for (ReportInput.MeasuredAttempt a : attempts) {
      grouped.computeIfAbsent(Players.of(a.model()), m -> new HashMap<>())
          .computeIfAbsent(a.taskId(), t -> new ArrayList<>()).add(a);
    }
    grouped.forEach((model, tasks) -> tasks.forEach((task, list) -> {
      double minutes = list.stream().mapToDouble(ReportInput.MeasuredAttempt::minutes).average().orElseThrow();
      boolean costed = list.stream().allMatch(a -> a.costUsd() != null);
      Double cost = costed ? list.stream().mapToDouble(ReportInput.MeasuredAttempt::costUsd).average().orElseThrow() : null;
      boolean reported = list.stream().allMatch(a -> a.reportedMinutes() != null);
      Double reportedMinutes = reported
          ? list.stream().mapToDouble(ReportInput.MeasuredAttempt::reportedMinutes).average().orElseThrow() : null;
      byModel.computeIfAbsent(model, m -> new HashMap<>()).put(task, new Measured(list.size(), minutes, cost,
          reportedMinutes));
    }));
  }

  static AttemptTimes of(List<ReportInput.MeasuredAttempt> attempts) {
    return new AttemptTimes(attempts);
  }

  /** Whether any attempt of {@code model} was measured. */
  boolean any(String model) {
    return byModel.containsKey(model);
  }

  /** Whether any attempt was measured at all. */
  boolean any() {
    return !byModel.isEmpty();
  }

  Optional<Measured> of(String model, String task) {
    return Optional.ofNullable(byModel.getOrDefault(model, Map.of()).get(task));
  }
}
