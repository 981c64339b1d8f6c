package dev.parity.harness.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stops a run from outside (Ctrl-C): {@link #stop} lets the attempts in flight finish and starts no
 * more; {@link #abort} abandons them too (they stay pending, to be made on a resume).
 * {@link #interrupt} does the first, then the second. Thread-safe.
 */
public final class RunControl {
  private volatile boolean stopping;
  private volatile boolean aborted;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Starts no more attempts; those in flight finish and are recorded. */
  public void stop() {
    stopping = true;
    listeners.forEach(Runnable::run);
  }

  /** Starts no more attempts and abandons those in flight. */
  public void abort() {
    stopping = true;
    aborted = true;
    listeners.forEach(Runnable::run);
  }

  /** {@link #stop} the first time, {@link #abort} after; returns whether this call aborted. */
  public synchronized boolean interrupt() {
    if (stopping) {
      abort();
      return true;
    }
    stop();
    return false;
  }

  public boolean isStopping() {
    return stopping;
  }

  public boolean isAborted() {
    return aborted;
  }

  /** Runs {@code listener} on every stop or abort, on the calling thread. */
  void onChange(Runnable listener) {
    listeners.add(listener);
  }

  void removeListener(Runnable listener) {
    listeners.remove(listener);
  }
}
