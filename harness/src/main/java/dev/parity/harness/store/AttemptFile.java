package dev.parity.harness.store;

import java.util.Objects;

/**
 * A file of an attempt's deliverable, kept in the blob store.
 *
 * @param name its file name, e.g. {@code summary.docx}
 * @param sha256 the hex sha256 of its bytes, its name in the blob store
 * @param sizeBytes its size
 */
public record AttemptFile(String name, String sha256, long sizeBytes) {
  public AttemptFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
  }
}
