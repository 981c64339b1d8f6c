package dev.parity.harness.call;

import dev.parity.harness.client.CallFailure;
import java.time.Duration;

/**
 * Hears what one call does while it is still going, for progress display. Called on the calling
 * thread; must be quick.
 */
@FunctionalInterface
public interface CallListener {
  /** Hears nothing. */
  CallListener NONE = (failure, wait) -> {};

  /** An HTTP attempt failed and the call tries again after {@code wait}. */
  void retrying(CallFailure failure, Duration wait);
}
