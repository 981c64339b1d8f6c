/**
 * Judgments and their vocabulary: who competed ({@link dev.parity.judgments.Contestant}), how it
 * went ({@link dev.parity.judgments.Outcome}), where a deliverable was shown ({@link
 * dev.parity.judgments.Side} to a human, {@link dev.parity.judgments.Order} in a judge call) and
 * where a judgment came from ({@link dev.parity.judgments.JudgmentSource}) — types shared by the
 * graders that make judgments and the reports that count them.
 */
package dev.parity.judgments;
