package dev.parity.tasks;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The human professional's deliverable, and what it took to make it. Any part may be unknown:
 * an imported dataset may publish requests without the professionals' files, time or wage.
 *
 * @param files the deliverable's files, relative to the task folder; empty when there is no
 *     human deliverable to compare with
 * @param minutes the professional's time on the task, greater than zero when known
 * @param hourlyWageUsd the professional's hourly wage in US dollars, greater than zero when known
 * @param author a pseudonym for the professional; may be null
 * @param experienceYears the professional's years of experience; may be null
 */
public record Baseline(
    List<String> files, SourcedValue minutes, SourcedValue hourlyWageUsd, String author, Double experienceYears) {

  /** No deliverable, no time, no wage. */
  public static final Baseline NONE = new Baseline(List.of(), SourcedValue.UNKNOWN, SourcedValue.UNKNOWN, null, null);

  public Baseline {
    files = files == null ? List.of() : List.copyOf(files);
    minutes = Objects.requireNonNullElse(minutes, SourcedValue.UNKNOWN);
    hourlyWageUsd = Objects.requireNonNullElse(hourlyWageUsd, SourcedValue.UNKNOWN);
  }

  /** A baseline with reported minutes and wage, as the professional or contributor stated them. */
  public Baseline(List<String> files, double minutes, double hourlyWageUsd, String author, Double experienceYears) {
    this(files, SourcedValue.reported(minutes), SourcedValue.reported(hourlyWageUsd), author, experienceYears);
  }

  /** Whether there is a human deliverable to compare a model's with. */
  public boolean hasFiles() {
    return !files.isEmpty();
  }

  /** The professional's time in hours, when measured or reported; empty otherwise. */
  public OptionalDouble hours() {
    OptionalDouble known = minutes.firstHand();
    return known.isPresent() ? OptionalDouble.of(known.getAsDouble() / 60.0) : OptionalDouble.empty();
  }

  /**
   * What the professional's time cost, hours × hourly wage, when both are measured or reported;
   * empty otherwise (an estimate is not silently mixed into a cost).
   */
  public OptionalDouble costUsd() {
    OptionalDouble hours = hours();
    OptionalDouble wage = hourlyWageUsd.firstHand();
    return hours.isPresent() && wage.isPresent()
        ? OptionalDouble.of(hours.getAsDouble() * wage.getAsDouble()) : OptionalDouble.empty();
  }
}
