package dev.parity.documents;

import dev.parity.core.ParityException;

/** A file that could not be redacted because it does not open as its format; it must not be passed on. */
public final class UnableToRedactException extends ParityException {
  private static final long serialVersionUID = 1L;

  UnableToRedactException(String message, Throwable cause) {
    super(message, cause);
  }
}
