package dev.parity.graders.campaign;

import java.util.Locale;
import java.util.Optional;

/** A problem a grader raises about an assignment. */
public enum Flag {
  /** The grader should not judge this pair (e.g. they know the work); no verdict is needed. */
  CONFLICT_OF_INTEREST,
  /** A file does not open or is incomplete. */
  BROKEN_FILE,
  /** Anything else; the note says what. */
  OTHER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the lower-case id, in any case, with spaces or hyphens for underscores. */
  public static Optional<Flag> parse(String text) {
    String id = text.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (Flag flag : values()) {
      if (flag.id().equals(id)) {
        return Optional.of(flag);
      }
    }
    return Optional.empty();
  }
}
