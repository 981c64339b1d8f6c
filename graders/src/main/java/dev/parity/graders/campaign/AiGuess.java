package dev.parity.graders.campaign;

import java.util.Locale;
import java.util.Optional;

/** A grader's answer to "could you tell which one was made by AI?". */
public enum AiGuess {
  CANNOT_TELL("cannot_tell"),
  A("A"),
  B("B");

  private final String id;

  AiGuess(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Reads {@code cannot_tell}, {@code A} or {@code B}, in any case. */
  public static Optional<AiGuess> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_')) {
      case "a" -> Optional.of(A);
      case "b" -> Optional.of(B);
      case "cannot_tell", "no" -> Optional.of(CANNOT_TELL);
      default -> Optional.empty();
    };
  }
}
