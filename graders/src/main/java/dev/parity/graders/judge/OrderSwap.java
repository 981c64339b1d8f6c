package dev.parity.graders.judge;

import dev.parity.judgments.Outcome;
import dev.parity.judgments.PairwiseVerdict;
import java.util.Optional;

/**
 * Combines the two calls of a pairwise judgment made in both orders — the model's deliverable as A,
 * then as B — into one outcome from the model's side, so that a judge's preference for a position
 * cannot decide the result.
 */
public final class OrderSwap {
  /** What to do when the two orders disagree outright (one says the model wins, the other loses). */
  public enum Disagreement {
    /** Count it as a tie (the default, as position bias cancels out). */
    TIE,
    /** Ask a third time, in a random order, and take that answer. */
    THIRD_CALL
  }

  private OrderSwap() {}

  /** The model's outcome from one call, given which side the model's deliverable was on. */
  public static Outcome fromModelSide(PairwiseVerdict verdict, boolean modelWasA) {
    return switch (verdict) {
      case TIE -> Outcome.TIE;
      case A -> modelWasA ? Outcome.WIN : Outcome.LOSS;
      case B -> modelWasA ? Outcome.LOSS : Outcome.WIN;
    };
  }

  /**
   * The combined outcome, or empty when the two orders disagree outright and the rule asks for a
   * third call. Two agreeing calls give their outcome. A tie in one order and a decision in the
   * other give a tie: the decision did not survive the swap, so it may be position bias.
   *
   * @param modelAsA the verdict when the model's deliverable was A
   * @param modelAsB the verdict when the model's deliverable was B
   */
  public static Optional<Outcome> combine(PairwiseVerdict modelAsA, PairwiseVerdict modelAsB, Disagreement rule) {
    Outcome first = fromModelSide(modelAsA, true);
    Outcome second = fromModelSide(modelAsB, false);
    if (first == second) {
      return Optional.of(first);
    }
    if (first == Outcome.TIE || second == Outcome.TIE) {
      return Optional.of(Outcome.TIE);
    }
    return rule == Disagreement.TIE ? Optional.of(Outcome.TIE) : Optional.empty();
  }
}
