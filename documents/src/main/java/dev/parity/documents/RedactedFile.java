package dev.parity.documents;

import java.util.List;

/**
 * A file with its values replaced, in its own format, and every change made.
 *
 * @param bytes the redacted file
 * @param changes what was changed where, in the order made
 */
public record RedactedFile(byte[] bytes, List<RedactionChange> changes) {
  public RedactedFile {
    changes = List.copyOf(changes);
  }
}
