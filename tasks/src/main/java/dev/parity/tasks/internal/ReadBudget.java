package dev.parity.tasks.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of a suite's files one load may keep in memory after checking them, so that
 * the hash does not read them again: a suite of small files is read once, and one of large files
 * holds no more than the budget at a time (the rest is read again to be hashed).
 *
 * <p>Thread-safe: the tasks of a suite are checked on several threads against one budget.
 */
public final class ReadBudget {
  /** Keeps nothing. */
  public static final ReadBudget NONE = new ReadBudget(0);

  private final AtomicLong left;

  public ReadBudget(long bytes) {
    this.left = new AtomicLong(bytes);
  }

  /** Whether {@code bytes} more may be kept; if so, they are counted. */
  boolean take(long bytes) {
    if (bytes > left.get()) {
      return false;
    }
    return left.addAndGet(-bytes) >= 0 || undo(bytes);
  }

  private boolean undo(long bytes) {
    left.addAndGet(bytes);
    return false;
  }
}
