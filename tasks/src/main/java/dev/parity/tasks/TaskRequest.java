package dev.parity.tasks;

import java.util.Objects;

/**
 * What the requester asked for, as they would say it.
 *
 * @param from the requester's role, e.g. {@code Finance Director}; may be null
 * @param text the request itself
 */
public record TaskRequest(String from, String text) {
  public TaskRequest {
    Objects.requireNonNull(text, "text");
  }
}
