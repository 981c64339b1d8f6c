package dev.parity.graders.judge;

import dev.parity.core.ParityException;

/** A judge answered with something that is not the verdict JSON it was asked for. */
public final class InvalidJudgeOutputException extends ParityException {
  private static final long serialVersionUID = 1L;

  InvalidJudgeOutputException(String message) {
    super(message);
  }
}
