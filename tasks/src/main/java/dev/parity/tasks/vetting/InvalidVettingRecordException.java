package dev.parity.tasks.vetting;

import dev.parity.core.ParityException;

/** A {@code vetting.json} that cannot be read: malformed, of an unknown format, or missing a field. */
public final class InvalidVettingRecordException extends ParityException {
  private static final long serialVersionUID = 1L;

  InvalidVettingRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
