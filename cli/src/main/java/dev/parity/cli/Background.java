package dev.parity.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work a command starts on a daemon thread of its own and takes when it needs it: the start-up
 * steps of {@code parity run} that do not depend on each other (the suite's load, the HTTP client's
 * TLS set-up, the vetting check) run beside one another instead of one after the other.
 */
final class Background {
  private Background() {}

  /** Starts {@code work} on a new daemon thread named {@code name}. */
  static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(work.get());
      } catch (Throwable e) {
        // Handed to whoever takes the result, as if the work had run on its thread.
        result.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  /** The result of {@code work}, waiting for it; what the work threw is thrown as it was when unchecked. */
  static <T> T join(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
