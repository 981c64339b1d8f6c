package dev.parity.graders.campaign;

import java.util.Locale;
import java.util.Optional;

/** What a person may do in the grading app: grade their assignments, or also administer. */
public enum Role {
  GRADER,
  ADMIN;

  /** The lower-case name used in graders.csv and the store. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code grader} or {@code admin}, in any case. */
  public static Optional<Role> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "grader" -> Optional.of(GRADER);
      case "admin" -> Optional.of(ADMIN);
      default -> Optional.empty();
    };
  }
}
