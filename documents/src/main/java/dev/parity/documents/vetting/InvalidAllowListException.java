package dev.parity.documents.vetting;

import dev.parity.core.ParityException;

/** An allow-list file that cannot be read or is not as {@link AllowList} describes; the message names the file and entry. */
public final class InvalidAllowListException extends ParityException {
  private static final long serialVersionUID = 1L;

  public InvalidAllowListException(String message) {
    super(message);
  }
}
