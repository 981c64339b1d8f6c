package dev.parity.graders.campaign;

import dev.parity.core.ParityException;

/** The assignment belongs to another grader: no one may see or submit another's assignment. */
public final class NotYourAssignmentException extends ParityException {
  private static final long serialVersionUID = 1L;

  public NotYourAssignmentException(String id) {
    super("assignment " + id + " is not yours");
  }
}
