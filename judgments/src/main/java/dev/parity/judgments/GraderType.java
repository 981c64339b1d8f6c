package dev.parity.judgments;

import java.util.Locale;
import java.util.Optional;

/** Who gave a judgment: a human expert or a model judge. */
public enum GraderType {
  HUMAN,
  MODEL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<GraderType> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "human" -> Optional.of(HUMAN);
      case "model" -> Optional.of(MODEL);
      default -> Optional.empty();
    };
  }
}
