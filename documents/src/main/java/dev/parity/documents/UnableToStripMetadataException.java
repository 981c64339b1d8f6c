package dev.parity.documents;

import dev.parity.core.ParityException;

/**
 * A file whose identifying metadata could not be listed or stripped because it does not open as
 * its format. Such a file must not be passed on as if it were clean.
 */
public final class UnableToStripMetadataException extends ParityException {
  private static final long serialVersionUID = 1L;

  UnableToStripMetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
