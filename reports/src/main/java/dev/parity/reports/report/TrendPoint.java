package dev.parity.reports.report;

import java.time.LocalDate;

/**
 * A model's overall win-or-tie rate at its release date.
 *
 * @param model the model
 * @param releaseDate when it was released, from the run's models file
 * @param score its overall score, the verdict's statistic
 * @param scoreCi its 95% interval
 * @param nTasks its tasks
 */
public record TrendPoint(
    String model, LocalDate releaseDate, double score, Interval scoreCi, int nTasks) {}
