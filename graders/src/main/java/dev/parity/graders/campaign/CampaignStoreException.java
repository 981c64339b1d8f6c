package dev.parity.graders.campaign;

import dev.parity.core.ParityException;

/** The campaign tables could not be read or written; the message says what was being done. */
public final class CampaignStoreException extends ParityException {
  private static final long serialVersionUID = 1L;

  CampaignStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
