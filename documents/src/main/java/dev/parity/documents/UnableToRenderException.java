package dev.parity.documents;

import dev.parity.core.ParityException;

/**
 * A file that could not be rendered: not readable from disk, not opening as its format, or a
 * converter that failed on it. The message is written for a grader to read.
 */
public final class UnableToRenderException extends ParityException {
  private static final long serialVersionUID = 1L;

  public UnableToRenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
