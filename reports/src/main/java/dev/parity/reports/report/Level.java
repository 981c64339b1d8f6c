package dev.parity.reports.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How tasks are grouped for a figure: all together, or by one property of the task. */
public enum Level {
  /** Every task. */
  OVERALL("Overall"),
  /** Tasks of one sector. */
  SECTOR("Sector"),
  /** Tasks of one occupation. */
  OCCUPATION("Occupation"),
  /** Tasks whose deliverable has one file type (a task with two types counts in both). */
  FILE_TYPE("Deliverable file type"),
  /** Tasks whose professional took 0–2 h, 2–4 h, 4–8 h or 8 h+. */
  TASK_LENGTH("Task length");

  private final String title;

  Level(String title) {
    this.title = title;
  }

  /** The name in files: {@code overall}, {@code file_type}, … */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name for people: {@code Deliverable file type}. */
  public String title() {
    return title;
  }
}
