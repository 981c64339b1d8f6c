package dev.parity.reports.stats;

import dev.parity.core.ParityException;
import java.util.List;

/**
 * A model could not be fitted to the data because the data cannot determine it (a rating would
 * be infinite or undefined). The message says why and {@link #players()} names who is concerned.
 */
public final class UnableToFitException extends ParityException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> players;

  UnableToFitException(String message, List<String> players) {
    super(message);
    this.players = List.copyOf(players);
  }

  /** The players whose ratings the data cannot determine. */
  public List<String> players() {
    return players;
  }
}
