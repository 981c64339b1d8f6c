package dev.parity.reports.stats;

/** How the judgments of a group's tasks are weighted in a rate or score. */
public enum Weighting {
  /**
   * Every task weighs the same, whatever its number of judgments: the rate is the mean over tasks
   * of each task's rate (GDPval's convention). The default.
   */
  TASK,
  /** Every judgment weighs the same: a task with more judgments weighs more. */
  JUDGMENT;

  /** The name used in files and options: {@code task} or {@code judgment}. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The weighting named {@code task} or {@code judgment}, ignoring case. */
  public static Weighting parse(String name) {
    for (Weighting w : values()) {
      if (w.id().equalsIgnoreCase(name.strip())) {
        return w;
      }
    }
    throw new IllegalArgumentException("unknown weighting \"" + name + "\"; known: task, judgment");
  }
}
