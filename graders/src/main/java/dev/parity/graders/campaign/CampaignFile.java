package dev.parity.graders.campaign;

import dev.parity.store.BlobStore;
import java.util.Objects;

/**
 * A file of a pair, kept in the {@link BlobStore} by content.
 *
 * @param name its original file name, e.g. {@code summary_final.docx}; never shown to a grader
 * @param sha256 the hex sha256 of its bytes, its name in the blobs
 * @param sizeBytes its size
 * @param description what the file is, for a reference; may be null
 */
public record CampaignFile(String name, String sha256, long sizeBytes, String description) {
  public CampaignFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** Stores {@code bytes} in {@code blobs} and describes them as a file named {@code name}. */
  public static CampaignFile put(BlobStore blobs, String name, byte[] bytes, String description) {
    return new CampaignFile(name, blobs.put(bytes), bytes.length, description);
  }
}
