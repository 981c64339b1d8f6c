package dev.parity.harness.sandbox;

import dev.parity.core.ParityException;

/** A sandbox could not be prepared or could not run a command; the message says what and how to fix it. */
public class UnableToSandboxException extends ParityException {
  private static final long serialVersionUID = 1L;

  public UnableToSandboxException(String message) {
    super(message);
  }

  public UnableToSandboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
