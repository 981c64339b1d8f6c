package dev.parity.graders.campaign;

import dev.parity.core.ParityException;

/** No assignment has this id. */
public final class NoSuchAssignmentException extends ParityException {
  private static final long serialVersionUID = 1L;

  public NoSuchAssignmentException(String id) {
    super("no assignment has the id " + id);
  }
}
