package dev.parity.reports.report;

import dev.parity.documents.FileFormat;
import dev.parity.tasks.SourcedValue;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import dev.parity.tasks.ValueSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the suite says about each task that the report needs: title, length, wage, file types.
 * Length and wage are kept only when measured or reported: an estimate or an unknown leaves the
 * task out of length buckets, time horizons and economics (unknown is not zero).
 */
final class TaskFacts {
  /** The task length buckets, in order; a bucket holds lengths from its start up to the next. */
  static final List<String> LENGTH_BUCKETS = List.of("0–2 h", "2–4 h", "4–8 h", "8 h+");
  private static final double[] BUCKET_STARTS_MINUTES = {0, 120, 240, 480};

  /**
   * One task's facts.
   *
   * @param title the task's title
   * @param minutes the professional's minutes; null when not measured or reported
   * @param hourlyWageUsd the professional's hourly wage; null when not measured or reported
   * @param fileTypes the deliverable's file types, e.g. {@code docx}
   * @param task the task itself, for its rubric
   * @param minutesSource where the professional's minutes come from, whether kept or not
   * @param wageSource where the professional's wage comes from, whether kept or not
   */
  record Facts(String title, Double minutes, Double hourlyWageUsd, List<String> fileTypes, Task task,
      ValueSource minutesSource, ValueSource wageSource) {
    /** Whether the professional's minutes and wage are both known, so the task has a cost. */
    boolean costed() {
      return minutes != null && hourlyWageUsd != null;
    }

    /** The professional's cost: minutes × hourly wage; only for a {@link #costed} task. */
    double costUsd() {
      return minutes / 60 * hourlyWageUsd;
    }

    /** The length bucket; empty when the minutes are not known. */
    Optional<String> lengthBucket() {
      return minutes == null ? Optional.empty() : Optional.of(bucket(minutes));
    }
  }

  private final Map<String, Facts> byId = new HashMap<>();
  private final boolean known;

  private TaskFacts(Suite suite) {
    known = suite != null;
    if (suite != null) {
      for (Task task : suite.tasks()) {
        List<String> types = task.deliverable() == null ? List.of()
            : task.deliverable().formats().stream().map(FileFormat::id).distinct().toList();
        byId.put(task.id(), new Facts(task.title(), firstHand(task.baseline().minutes()),
            firstHand(task.baseline().hourlyWageUsd()), types, task, task.baseline().minutes().source(),
            task.baseline().hourlyWageUsd().source()));
      }
    }
  }

  private static Double firstHand(SourcedValue value) {
    return value.firstHand().isPresent() ? value.firstHand().getAsDouble() : null;
  }

  static TaskFacts of(Suite suite) {
    return new TaskFacts(suite);
  }

  /** Whether a suite was given. */
  boolean known() {
    return known;
  }

  Optional<Facts> of(String taskId) {
    return Optional.ofNullable(byId.get(taskId));
  }

  /** The bucket of a task of {@code minutes}: {@code 0–2 h} for less than two hours, … */
  static String bucket(double minutes) {
    int b = 0;
    while (b + 1 < BUCKET_STARTS_MINUTES.length && minutes >= BUCKET_STARTS_MINUTES[b + 1]) {
      b++;
    }
    return LENGTH_BUCKETS.get(b);
  }
}
