package dev.parity.judgments;

/**
 * How a judge call ended: answered with a verdict, answered with output that is no verdict, or
 * failed. Stored in {@code judge_calls.status} as {@code answered}, {@code invalid_output} and
 * {@code failed}.
 */
public enum JudgeCallStatus {
  ANSWERED("answered"),
  INVALID_OUTPUT("invalid_output"),
  FAILED("failed");

  private final String id;

  JudgeCallStatus(String id) {
    this.id = id;
  }

  /** The value stored in {@code judge_calls.status}. */
  public String id() {
    return id;
  }

  /** Reads a stored status; fails naming the value when it is none of the three. */
  public static JudgeCallStatus ofStored(String stored) {
    for (JudgeCallStatus status : values()) {
      if (status.id.equals(stored)) {
        return status;
      }
    }
    throw new IllegalStateException(
        "a stored judge call's status is not answered, invalid_output or failed: " + stored);
  }
}
