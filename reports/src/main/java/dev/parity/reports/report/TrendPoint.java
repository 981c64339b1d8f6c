package dev.parity.reports.report;

import java.time.LocalDate;

/**
 * A model's overall win-or-tie rate at its release date.
 *
 * @param model the model
 * @param releaseDate when it was released, from the run's models file
 * @param winOrTieRate its overall win-or-tie rate
 * @param ciBootstrap its task-bootstrap interval
 * @param nTasks its tasks
 */
public record TrendPoint(
    String model, LocalDate releaseDate, double winOrTieRate, Interval ciBootstrap, int nTasks) {}
