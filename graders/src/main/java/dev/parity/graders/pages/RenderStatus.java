package dev.parity.graders.pages;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a file's pages are: waiting for a worker, being drawn, drawn, or failed with a reason. */
public enum RenderStatus {
  QUEUED, RENDERING, DONE, FAILED;

  /** The name stored and shown: {@code queued}, {@code rendering}, {@code done}, {@code failed}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether nothing more will happen to this render (done or failed). */
  public boolean finished() {
    return this == DONE || this == FAILED;
  }

  static Optional<RenderStatus> parse(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
  }
}
