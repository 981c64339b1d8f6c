package dev.parity.judgments;

import java.util.Locale;
import java.util.Optional;

/** Who gave a judgment: a human expert or a model judge. */
public enum GraderType {
  HUMAN,
  MODEL;

  /** Made once: {@link #id} is called for every judgment a report reads, checks and writes. */
  private final String id = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in files: {@code human}, {@code model}. */
  public String id() {
    return id;
  }

  public static Optional<GraderType> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "human" -> Optional.of(HUMAN);
      case "model" -> Optional.of(MODEL);
      default -> Optional.empty();
    };
  }
}
