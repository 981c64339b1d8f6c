package dev.parity.reports.stats;

import java.util.Optional;

/**
 * A time horizon with its task-bootstrap percentile interval.
 *
 * @param estimate the fit on all data
 * @param interval the interval in minutes; null when no resample could be estimated (always the
 *     case when the data are separated: every resample of separated data is separated too)
 * @param unfitResamples resamples left out because their horizon could not be estimated; when
 *     many are, the interval understates the uncertainty
 * @param settings resamples, level and seed
 */
public record TimeHorizonInterval(
    TimeHorizon estimate, ConfidenceInterval interval, int unfitResamples,
    BootstrapSettings settings) {

  /** The interval, empty when no resample could be estimated. */
  public Optional<ConfidenceInterval> minutes() {
    return Optional.ofNullable(interval);
  }
}
