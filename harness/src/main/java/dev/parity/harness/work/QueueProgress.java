package dev.parity.harness.work;

/**
 * Where one run's work queue stands.
 *
 * @param pending attempts nobody holds, free to claim
 * @param leased attempts a worker holds, whether its lease is still running or has run out
 * @param done attempts recorded through the queue
 * @param expiredLeases claims taken over from workers whose lease ran out: each is at most one call
 *     that was in flight, possibly paid without its answer being recorded
 */
public record QueueProgress(int pending, int leased, int done, int expiredLeases) {
  /** Nothing is left to make: nothing pending, nothing held. */
  public boolean drained() {
    return pending == 0 && leased == 0;
  }
}
