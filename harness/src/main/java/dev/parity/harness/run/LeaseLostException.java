package dev.parity.harness.run;

import dev.parity.harness.store.AttemptKey;

/**
 * An attempt's lease ran out and another worker claimed the attempt before this one could record
 * it: its result is dropped (the other worker's counts), and its call was counted as possibly paid
 * when the lease was taken over.
 */
final class LeaseLostException extends RuntimeException {
  LeaseLostException(AttemptKey key) {
    super("the lease on attempt " + key + " ran out and another worker took it over; its result is dropped");
  }
}
