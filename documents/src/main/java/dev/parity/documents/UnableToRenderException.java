package dev.parity.documents;

import dev.parity.core.ParityException;

/** A file that could not be read from disk for rendering (missing, unreadable). */
public final class UnableToRenderException extends ParityException {
  private static final long serialVersionUID = 1L;

  UnableToRenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
