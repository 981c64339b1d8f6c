package dev.parity.graders.rubric;

import dev.parity.core.ParityException;

/** A criterion's {@code check} object is not a check Parity knows how to run. */
public final class InvalidCheckException extends ParityException {
  private static final long serialVersionUID = 1L;

  InvalidCheckException(String message) {
    super(message);
  }
}
