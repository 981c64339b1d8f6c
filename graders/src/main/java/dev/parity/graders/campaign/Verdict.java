package dev.parity.graders.campaign;

import java.util.Locale;
import java.util.Optional;

/** A grader's verdict on a pair, as they saw it: A is better, as good as each other, or B is better. */
public enum Verdict {
  A("A"),
  TIE("tie"),
  B("B");

  private final String id;

  Verdict(String id) {
    this.id = id;
  }

  /** {@code A}, {@code tie} or {@code B}: what forms and packets use. */
  public String id() {
    return id;
  }

  /** Reads {@code A}, {@code B}, {@code tie} (also {@code same}, {@code equal}), in any case. */
  public static Optional<Verdict> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "a" -> Optional.of(A);
      case "b" -> Optional.of(B);
      case "tie", "same", "equal" -> Optional.of(TIE);
      default -> Optional.empty();
    };
  }
}
