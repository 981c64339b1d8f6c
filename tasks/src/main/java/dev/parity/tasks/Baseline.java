package dev.parity.tasks;

import java.util.List;

/**
 * The human professional's deliverable, and what it took to make it.
 *
 * @param files the deliverable's files, relative to the task folder
 * @param minutes the professional's time on the task, greater than zero
 * @param hourlyWageUsd the professional's hourly wage in US dollars, greater than zero
 * @param author a pseudonym for the professional; may be null
 * @param experienceYears the professional's years of experience; may be null
 */
public record Baseline(
    List<String> files, double minutes, double hourlyWageUsd, String author, Double experienceYears) {

  public Baseline {
    files = List.copyOf(files);
  }

  /** The professional's time in hours. */
  public double hours() {
    return minutes / 60.0;
  }

  /** What the professional's time cost: hours × hourly wage. */
  public double costUsd() {
    return hours() * hourlyWageUsd;
  }
}
