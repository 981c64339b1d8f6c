package dev.parity.reports.stats;

import java.util.Map;

/**
 * A model's length-controlled score, from {@link LengthControl#estimate}.
 *
 * @param rawScore the score on the same judgments, weighted as the fit weighs them, for comparison
 * @param score the score predicted at zero difference in length and form, σ(intercept)
 * @param ci its interval (expanded percentile, task bootstrap); null when no resample gave a score
 * @param slopes each covariate used, by name, with its slope: log-odds per standard deviation of
 *     its difference (a covariate that did not vary is not used)
 * @param tasks tasks judged
 * @param judgments judgments fitted
 * @param unfitResamples resamples whose fit gave no finite score, left out
 * @param settings resamples, level and seed
 */
public record LengthControlled(double rawScore, double score, ConfidenceInterval ci, Map<String, Double> slopes,
    int tasks, int judgments, int unfitResamples, BootstrapSettings settings) {
  public LengthControlled {
    slopes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(slopes));
  }
}
