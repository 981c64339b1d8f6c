package dev.parity.harness.deliverable;

import dev.parity.documents.FileFormat;
import java.util.Objects;

/**
 * A requested format built from a file of another format the model delivered instead (see
 * {@link FormatConversion#CONVERT}).
 *
 * @param from the delivered file's name, e.g. {@code memo.md}
 * @param to the built file's name, e.g. {@code memo.docx}
 * @param format the requested format that was built
 */
public record Conversion(String from, String to, FileFormat format) {
  public Conversion {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(format, "format");
  }

  @Override
  public String toString() {
    return to + " was built from " + from + ": " + format.id() + " was requested, the model delivered "
        + FileNames.formatOf(from).map(FileFormat::id).orElse("another format");
  }
}
