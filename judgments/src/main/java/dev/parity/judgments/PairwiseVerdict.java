package dev.parity.judgments;

/**
 * What a pairwise judge said: A is better, B is better, or they are as good as each other. Stored
 * in {@code judge_calls.verdict} by its name ({@code A}, {@code B}, {@code TIE}).
 */
public enum PairwiseVerdict {
  A,
  B,
  TIE;

  /** The value stored in {@code judge_calls.verdict}: the name. */
  public String id() {
    return name();
  }

  /** Reads a stored verdict; fails naming the value when it is none of {@code A}, {@code B}, {@code TIE}. */
  public static PairwiseVerdict ofStored(String stored) {
    for (PairwiseVerdict verdict : values()) {
      if (verdict.id().equals(stored)) {
        return verdict;
      }
    }
    throw new IllegalStateException("a stored judge call's verdict is not A, B or TIE: " + stored);
  }
}
