package dev.parity.graders.campaign;

import dev.parity.core.ParityException;

/**
 * The assignment was submitted again (from another window, or a packet) since the grader loaded
 * it: their submission would silently follow one they have not seen, so it is refused.
 */
public final class StaleSubmissionException extends ParityException {
  private static final long serialVersionUID = 1L;

  StaleSubmissionException(String id, int expected, int current) {
    super("assignment " + id + " has version " + current + " now, not " + expected
        + ": it was submitted again elsewhere; reload it to see that version");
  }
}
