package dev.parity.reports.report;

/**
 * How far a model judge's agreement with humans lies from the humans' agreement with each other
 * (GDPval's measure): the judge's minus the humans', with a 95% interval from the same item
 * resamples for both, so that the two figures' shared items vary together.
 *
 * @param estimate the judge's {@code gdpval} minus the humans' {@code gdpval}
 * @param ci its 95% bootstrap interval; null when the resamples cannot give one
 */
public record AgreementDifference(double estimate, Interval ci) {

  /** Whether the judge agrees with humans less than humans do with each other beyond the noise. */
  public boolean below() {
    return ci != null && ci.below(0);
  }
}
