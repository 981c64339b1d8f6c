package dev.parity.judgments;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a deliverable was shown to a human grader: on the left (labelled "A" on the grading page
 * and in packets) or on the right ("B").
 */
public enum Side {
  LEFT("A"),
  RIGHT("B");

  private final String label;
  /** Made once: {@link #id} is called for every judgment a report reads, checks and writes. */
  private final String id = name().toLowerCase(Locale.ROOT);

  Side(String label) {
    this.label = label;
  }

  /** The lower-case name used in files: {@code left}, {@code right}. */
  public String id() {
    return id;
  }

  /** What a grader sees: {@code A} for the left, {@code B} for the right. */
  public String label() {
    return label;
  }

  /** The side across from this one. */
  public Side other() {
    return this == LEFT ? RIGHT : LEFT;
  }

  /** Reads {@code left} or {@code right}, in any case; empty for anything else. */
  public static Optional<Side> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "left" -> Optional.of(LEFT);
      case "right" -> Optional.of(RIGHT);
      default -> Optional.empty();
    };
  }

  /** Reads a grader's label: {@code A} (left) or {@code B} (right), in any case; empty otherwise. */
  public static Optional<Side> ofLabel(String label) {
    return switch (label.strip().toUpperCase(Locale.ROOT)) {
      case "A" -> Optional.of(LEFT);
      case "B" -> Optional.of(RIGHT);
      default -> Optional.empty();
    };
  }
}
