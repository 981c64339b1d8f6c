package dev.parity.harness.deliverable;

import dev.parity.documents.FileFormat;
import java.util.Objects;

/**
 * A file that could not be built from what the model wrote, with the reason. Recorded on the
 * attempt so that a missing format is never silently skipped.
 *
 * @param name the file's name as the envelope gave it (after cleaning)
 * @param format the format that was to be built
 * @param reason what went wrong, in words a reader of the report can act on
 */
public record BuildFailure(String name, FileFormat format, String reason) {
  public BuildFailure {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return "could not build " + name + ": " + reason;
  }
}
