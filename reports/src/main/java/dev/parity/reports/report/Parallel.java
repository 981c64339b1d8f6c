package dev.parity.reports.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/** Independent computations on an injected executor, their results in the order of their inputs. */
final class Parallel {
  private Parallel() {}

  /**
   * {@code f} applied to every item on {@code executor}; waits for all.
   *
   * @throws RuntimeException the first failure, in input order, as thrown by {@code f}
   */
  static <T, R> List<R> map(List<T> items, Function<T, R> f, Executor executor) {
    return startMap(items, f, executor).get();
  }

  /**
   * Starts {@code f} on every item on {@code executor} and returns the results when asked, in input
   * order, waiting for them then; the getter waits for every item, failed or not, and then throws
   * the first failure, in input order, as thrown by {@code f}: nothing it started is still running
   * when the caller hears of a failure (and, say, deletes the folder the items write to). Lets the
   * caller queue more work behind these items before it waits.
   */
  static <T, R> Supplier<List<R>> startMap(List<T> items, Function<T, R> f, Executor executor) {
    List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(CompletableFuture.supplyAsync(() -> f.apply(item), executor));
    }
    return () -> {
      List<R> results = new ArrayList<>(items.size());
      RuntimeException failure = null;
      for (CompletableFuture<R> future : futures) {
        try {
          results.add(join(future));
        } catch (RuntimeException e) {
          failure = failure == null ? e : failure; // the first in input order; the later ones are still waited for
        }
      }
      if (failure != null) {
        throw failure;
      }
      return results;
    };
  }

  /**
   * Starts {@code work} on {@code executor} and returns its result when asked, waiting for it then;
   * the result's getter throws what {@code work} threw.
   */
  static <R> Supplier<R> start(Supplier<R> work, Executor executor) {
    CompletableFuture<R> future = CompletableFuture.supplyAsync(work, executor);
    return () -> join(future);
  }

  private static <R> R join(CompletableFuture<R> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
