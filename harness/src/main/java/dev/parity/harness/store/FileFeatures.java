package dev.parity.harness.store;

import dev.parity.documents.DocumentFeatures;
import dev.parity.documents.FileFormat;
import java.util.Objects;

/**
 * A stored file's length and form, read once for its content (table {@code file_features}): its
 * features, or why it could not be read as its format.
 *
 * @param sha256 the hex sha256 of the file's bytes
 * @param format the format it was read as
 * @param features its features; null when it does not open as {@code format}
 * @param problem why it does not open, what the reader said; null when {@code features} is set
 */
public record FileFeatures(String sha256, FileFormat format, DocumentFeatures features, String problem) {
  /**
   * The version of the definitions in {@link DocumentFeatures}: a file's features are read again
   * when it changes.
   */
  public static final int VERSION = 1;

  public FileFeatures {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(format, "format");
    if ((features == null) == (problem == null)) {
      throw new IllegalArgumentException("file " + sha256 + ": give either its features or its problem");
    }
  }
}
