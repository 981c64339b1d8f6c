package dev.parity.store;

import dev.parity.core.ParityException;

/** The store could not be opened, read or written; the message says what was being done, and where. */
public final class StoreException extends ParityException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
