package dev.parity.judgments;

import java.util.Objects;
import java.util.Optional;

/**
 * Where stored judgments came from: a run's model judges ({@code run:<id>}), a human grading
 * campaign ({@code campaign:<id>}) or an imported file ({@code file:<name>}). Printed and parsed
 * in that form with {@link #toString} and {@link #parse}, which is how the store keeps it.
 */
public sealed interface JudgmentSource permits JudgmentSource.Run, JudgmentSource.Campaign, JudgmentSource.File {
  /** The model judges of a run. */
  record Run(String id) implements JudgmentSource {
    public Run {
      requireText(id, "a run id");
    }

    @Override
    public String toString() {
      return "run:" + id;
    }
  }

  /** A human grading campaign. */
  record Campaign(String id) implements JudgmentSource {
    public Campaign {
      requireText(id, "a campaign id");
    }

    @Override
    public String toString() {
      return "campaign:" + id;
    }
  }

  /** A file of judgments, by its name (the file name, without folders). */
  record File(String name) implements JudgmentSource {
    public File {
      requireText(name, "a file name");
    }

    @Override
    public String toString() {
      return "file:" + name;
    }
  }

  static JudgmentSource run(String id) {
    return new Run(id);
  }

  static JudgmentSource campaign(String id) {
    return new Campaign(id);
  }

  static JudgmentSource file(String name) {
    return new File(name);
  }

  /** Reads {@code run:<id>}, {@code campaign:<id>} or {@code file:<name>}; empty for anything else. */
  static Optional<JudgmentSource> parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0 || colon == text.length() - 1) {
      return Optional.empty();
    }
    String rest = text.substring(colon + 1);
    return switch (text.substring(0, colon)) {
      case "run" -> Optional.of(new Run(rest));
      case "campaign" -> Optional.of(new Campaign(rest));
      case "file" -> Optional.of(new File(rest));
      default -> Optional.empty();
    };
  }

  private static void requireText(String text, String what) {
    Objects.requireNonNull(text, what);
    if (text.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
  }
}
