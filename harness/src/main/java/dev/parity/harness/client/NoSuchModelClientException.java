package dev.parity.harness.client;

import dev.parity.core.ParityException;
import java.util.Collection;

/** No model client is registered for a provider name; the message lists the known ones. */
public final class NoSuchModelClientException extends ParityException {
  private static final long serialVersionUID = 1L;

  NoSuchModelClientException(String provider, Collection<String> known) {
    super("no model client for provider \"" + provider + "\"; known providers: "
        + (known.isEmpty() ? "none" : String.join(", ", known)));
  }
}
