package dev.parity.reports.report;

/**
 * One model's rubric scores against the professionals' on the same tasks (GDPval's rule: points
 * of criteria met over the sum of positive points, clipped to [0, 1]).
 *
 * @param model the model
 * @param nTasks tasks where both the model's and the professional's deliverables were scored
 * @param modelMean the model's mean score over those tasks (a task's score is the mean over its
 *     samples)
 * @param baselineMean the professionals' mean score over the same tasks
 * @param meanDifference model minus professional, averaged over tasks
 * @param ciBootstrap the 95% task-bootstrap percentile interval of the mean difference
 * @param wilcoxonP the two-sided Wilcoxon signed-rank p-value of the paired differences (zero
 *     differences dropped; exact up to 50 non-zero differences)
 * @param pMethod how {@code wilcoxonP} was computed: {@code exact} or {@code normal}
 */
public record RubricResult(
    String model,
    int nTasks,
    double modelMean,
    double baselineMean,
    double meanDifference,
    Interval ciBootstrap,
    double wilcoxonP,
    String pMethod) {}
