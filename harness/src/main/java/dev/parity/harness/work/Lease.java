package dev.parity.harness.work;

import dev.parity.harness.store.AttemptKey;
import java.util.Objects;

/**
 * One worker's hold on one attempt to make, from a {@link WorkQueue#claim}: valid while its holder
 * renews it, and only as long as nobody claimed the attempt again after it ran out.
 *
 * @param key the attempt
 * @param worker who holds it
 * @param token which claim of the attempt this is (1 for the first); a record is accepted only
 *     under the latest
 * @param takenOver whether the claim took the attempt from a holder whose lease had run out
 */
public record Lease(AttemptKey key, String worker, long token, boolean takenOver) {
  public Lease {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(worker, "worker");
  }
}
