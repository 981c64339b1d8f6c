package dev.parity.judgments;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The rows of a judgments file checked in batches on an executor while the parser reads on, and
 * their judgments and problems gathered in the order of the rows, as if checked one after the
 * other: at 118,800 judgments checking took about two thirds of reading the file, on the main
 * thread before any statistic could start (benchmarks/README.md, "Sixth pass: the pipeline").
 *
 * <p>At most {@link #IN_FLIGHT} batches wait at once: when that many do, the reading thread checks
 * the oldest itself if no worker has taken it, so the parsed rows held never grow with the file.
 * A batch whose check threw stops the gathering there, as the serial read stopped at that row.
 * Used by one reading thread.
 */
final class RowBatches {
  static final int ROWS = 2_048;
  static final int IN_FLIGHT = 8;

  /** Checks rows into judgments and problems; may throw, which stops the read at that row. */
  interface Checker {
    void check(int line, String[] cells, List<Judgment> judgments, List<String> problems);
  }

  private final Checker checker;
  private final Executor executor;
  private final ArrayDeque<Batch> waiting = new ArrayDeque<>();
  private final List<Judgment> judgments = new ArrayList<>();
  private final List<String> problems;
  private RuntimeException stopped;
  private int[] lines = new int[ROWS];
  private String[][] rows = new String[ROWS][];
  private int size;

  /** Problems are added to {@code problems}, after any already there. */
  RowBatches(Checker checker, Executor executor, List<String> problems) {
    this.checker = checker;
    this.executor = executor;
    this.problems = problems;
  }

  void add(int line, String[] cells) {
    lines[size] = line;
    rows[size++] = cells;
    if (size == ROWS) {
      submit();
    }
  }

  /**
   * Waits for every batch and returns the judgments in row order.
   *
   * @param onStop what the read does with the failure of a check (at most one: the first)
   */
  List<Judgment> finish(Consumer<RuntimeException> onStop) {
    if (size > 0) {
      submit();
    }
    while (!waiting.isEmpty()) {
      gatherOldest();
    }
    if (stopped != null) {
      onStop.accept(stopped);
    }
    return judgments;
  }

  /** Whether a check threw: the rows after it are not to be read. */
  boolean stopped() {
    return stopped != null;
  }

  private void submit() {
    Batch batch = new Batch(lines, rows, size);
    lines = new int[ROWS];
    rows = new String[ROWS][];
    size = 0;
    waiting.add(batch);
    executor.execute(batch);
    while (waiting.size() >= IN_FLIGHT) {
      gatherOldest();
    }
  }

  private void gatherOldest() {
    Batch batch = waiting.poll();
    batch.run();
    Checked checked = batch.done.join();
    if (stopped == null) {
      judgments.addAll(checked.judgments);
      problems.addAll(checked.problems);
      stopped = checked.stopped;
    }
  }

  private record Checked(List<Judgment> judgments, List<String> problems, RuntimeException stopped) {}

  /** A batch of rows, checked once: by a worker, or by the reading thread when none has taken it. */
  private final class Batch implements Runnable {
    private final int[] lines;
    private final String[][] rows;
    private final int size;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CompletableFuture<Checked> done = new CompletableFuture<>();

    Batch(int[] lines, String[][] rows, int size) {
      this.lines = lines;
      this.rows = rows;
      this.size = size;
    }

    @Override
    public void run() {
      if (!taken.compareAndSet(false, true)) {
        return;
      }
      List<Judgment> checked = new ArrayList<>(size);
      List<String> found = new ArrayList<>();
      RuntimeException failure = null;
      try {
        for (int i = 0; i < size; i++) {
          checker.check(lines[i], rows[i], checked, found);
        }
      } catch (RuntimeException e) {
        failure = e;
      }
      done.complete(new Checked(checked, found, failure));
    }
  }
}
