package dev.parity.harness.store;

import dev.parity.core.ParityException;

/** The store could not be opened, migrated, read or written; the message names the database. */
public final class StoreException extends ParityException {
  private static final long serialVersionUID = 1L;

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
