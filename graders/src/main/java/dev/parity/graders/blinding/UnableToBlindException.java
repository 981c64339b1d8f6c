package dev.parity.graders.blinding;

import dev.parity.core.ParityException;

/**
 * A file whose metadata could not be checked or stripped because it does not open as its format.
 * Such a file must not be shown to a grader as it is.
 */
public final class UnableToBlindException extends ParityException {
  private static final long serialVersionUID = 1L;

  UnableToBlindException(String message, Throwable cause) {
    super(message, cause);
  }
}
