package dev.parity.reports.report;

import java.util.Map;

/**
 * A model's length-controlled score: what it would score against the professionals if its
 * deliverables were like theirs in length and form (see {@link LengthControls}).
 *
 * @param model the model
 * @param nTasks tasks with a judgment whose two deliverables have features
 * @param nJudgments those judgments
 * @param leftOut the model's judgments against the professionals left out: one of the two
 *     deliverables has no recorded features (a deliverable made outside a run, a file that does
 *     not open, a baseline not in the suite)
 * @param rawScore the score on the same judgments, weighted as the report's score, for comparison
 * @param score the length-controlled score: the score the fit predicts at zero difference
 * @param scoreCi its 95% interval (task bootstrap, expanded percentile); null when no resample
 *     could be fitted
 * @param covariates each difference the fit used, with its slope (log-odds per standard deviation
 *     of the difference; positive when graders favour the model's deliverable for being longer,
 *     or having more tables, …); a difference that did not vary is not used
 * @param unfitResamples bootstrap resamples that could not be fitted, left out
 */
public record LengthControlResult(
    String model,
    int nTasks,
    int nJudgments,
    int leftOut,
    double rawScore,
    double score,
    Interval scoreCi,
    Map<String, Double> covariates,
    int unfitResamples) {

  public LengthControlResult {
    covariates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(covariates));
  }
}
