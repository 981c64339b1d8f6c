package dev.parity.judgments;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a deliverable was shown in one model judge call: first (as "Deliverable A" in the prompt)
 * or second ("Deliverable B"). A pairwise judge asks in both orders so that a preference for a
 * position cannot decide the result.
 */
public enum Order {
  FIRST,
  SECOND;

  /** The lower-case name used in files: {@code first}, {@code second}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The order across from this one. */
  public Order other() {
    return this == FIRST ? SECOND : FIRST;
  }

  /** Reads {@code first} or {@code second}, in any case; empty for anything else. */
  public static Optional<Order> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "first" -> Optional.of(FIRST);
      case "second" -> Optional.of(SECOND);
      default -> Optional.empty();
    };
  }
}
