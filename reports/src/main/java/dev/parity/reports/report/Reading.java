package dev.parity.reports.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a group's score says about a model against the professionals: the verdict. Only a score
 * interval that excludes 50% makes a model better or worse; a group with fewer tasks than {@link
 * ReportSettings#MINIMUM_TASKS} gets no verdict at all.
 */
public enum Reading {
  /** The score's interval lies wholly above 50%. */
  BETTER("better than the professionals"),
  /** The score's interval lies wholly below 50%. */
  WORSE("worse than the professionals"),
  /** The score's interval contains 50%. */
  NOT_DISTINGUISHABLE("not distinguishable from the professionals"),
  /** Too few tasks for a verdict: the estimate and interval are shown, nothing is concluded. */
  TOO_FEW_TASKS("too few tasks to tell");

  private final String words;

  Reading(String words) {
    this.words = words;
  }

  /** The name in files: {@code better}, {@code not_distinguishable}, … */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The verdict in words, as the report prints it. */
  public String words() {
    return words;
  }

  /**
   * The reading of a score interval.
   *
   * @param tooFewTasks whether the group is below the minimum number of tasks
   */
  static Reading of(Interval score, boolean tooFewTasks) {
    if (tooFewTasks) {
      return TOO_FEW_TASKS;
    }
    return score.above(0.5) ? BETTER : score.below(0.5) ? WORSE : NOT_DISTINGUISHABLE;
  }
}
