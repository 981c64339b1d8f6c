/**
 * Judgments: the verdicts themselves ({@link dev.parity.judgments.Judgment}, {@link
 * dev.parity.judgments.CriterionScore}), their vocabulary — who competed ({@link
 * dev.parity.harness.store.Contestant}), how it went ({@link dev.parity.judgments.Outcome}), how the
 * deliverable was shown ({@link dev.parity.judgments.Showing}: a {@link dev.parity.judgments.Side}
 * to a human, an {@link dev.parity.judgments.Order} in a judge call), where a judgment came from
 * ({@link dev.parity.judgments.JudgmentSource}) — their interchange file ({@link
 * dev.parity.judgments.JudgmentsCsv}) and their tables ({@link dev.parity.judgments.JudgmentStore}).
 * Shared by the graders that make judgments and the reports that count them.
 */
package dev.parity.judgments;
