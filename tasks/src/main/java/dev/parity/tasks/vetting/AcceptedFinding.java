package dev.parity.tasks.vetting;

import java.util.Objects;

/**
 * A finding the vetting left in the suite on purpose, with the reason (an allow-list entry's, or
 * the attester's).
 *
 * @param file the file's path relative to the suite root, with {@code /}
 * @param place where in the file ({@code paragraph 3}, {@code properties dc:creator})
 * @param kind the finding's kind ({@code email}, {@code confidentiality_marker}, …)
 * @param excerpt the masked excerpt, never the value itself
 * @param reason why it may stay ({@code fictional firm on example.org})
 */
public record AcceptedFinding(String file, String place, String kind, String excerpt, String reason) {
  public AcceptedFinding {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(excerpt, "excerpt");
    Objects.requireNonNull(reason, "reason");
  }
}
