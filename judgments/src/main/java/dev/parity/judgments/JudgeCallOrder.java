package dev.parity.judgments;

/**
 * Which of a pairwise judgment's judge calls this is: the model's deliverable shown first, shown
 * second, or the third call that settles a split. Stored in {@code judge_calls.call_order} as
 * {@code model_first}, {@code model_second} and {@code third}.
 */
public enum JudgeCallOrder {
  MODEL_FIRST("model_first"),
  MODEL_SECOND("model_second"),
  THIRD("third");

  private final String id;

  JudgeCallOrder(String id) {
    this.id = id;
  }

  /** The value stored in {@code judge_calls.call_order}. */
  public String id() {
    return id;
  }

  /** Reads a stored order; fails naming the value when it is none of the three. */
  public static JudgeCallOrder ofStored(String stored) {
    for (JudgeCallOrder order : values()) {
      if (order.id.equals(stored)) {
        return order;
      }
    }
    throw new IllegalStateException(
        "a stored judge call's order is not model_first, model_second or third: " + stored);
  }
}
