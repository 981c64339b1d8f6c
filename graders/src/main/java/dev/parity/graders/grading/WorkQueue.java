package dev.parity.graders.grading;

import dev.parity.core.ParityException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a pass's pieces of work (a rubric, a judgment) on a pool of {@code concurrency} threads and
 * waits for all of them. Each piece records its own result as it ends, so an interrupted pass
 * loses only the pieces in flight; the judge's own limits still bound its calls.
 */
final class WorkQueue {
  private WorkQueue() {}

  /**
   * Runs every piece; the first piece found to have thrown ends the pass with its exception, and the
   * pieces still running are interrupted.
   *
   * @throws InterruptedException when interrupted while waiting; the pieces in flight are interrupted
   */
  static void runAll(List<Runnable> work, int concurrency) throws InterruptedException {
    ExecutorService executor = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> futures = work.stream().<Future<?>>map(executor::submit).toList();
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new ParityException("grading failed", e.getCause());
        }
      }
    } finally {
      executor.shutdownNow();
    }
  }
}
