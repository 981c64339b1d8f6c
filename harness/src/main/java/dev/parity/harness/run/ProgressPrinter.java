package dev.parity.harness.run;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptKey;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a run's progress: on a terminal, a live bar per model (done/total, rate, ETA, spend,
 * retries, failures) redrawn a few times a second; elsewhere (a log, CI), one plain line at most
 * every {@link #PLAIN_INTERVAL}. Messages (a model stopped) are printed at once, above the bars.
 *
 * <p>Thread-safe. It draws from its own daemon thread between {@link #started} and
 * {@link #ended}; {@link #close} stops that thread if the run ended by an exception.
 */
public final class ProgressPrinter implements RunListener, AutoCloseable {
  /** How often a plain line is printed. */
  public static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);
  static final Duration TERMINAL_INTERVAL = Duration.ofMillis(250);
  private static final int BAR_WIDTH = 24;

  private final PrintWriter out;
  private final Clock clock;
  private final boolean terminal;
  private final Map<String, ModelState> models = new LinkedHashMap<>();
  private ScheduledExecutorService ticker;
  private Instant start;
  private int drawnLines;
  /** The counts the last plain line showed, so that the end does not print the same line again. */
  private String printedCounts;

  /**
   * @param out where to print
   * @param clock the clock rates and ETAs are measured with
   * @param terminal whether {@code out} is a terminal that understands ANSI cursor movement
   */
  public ProgressPrinter(PrintWriter out, Clock clock, boolean terminal) {
    this.out = out;
    this.clock = clock;
    this.terminal = terminal;
  }

  @Override
  public synchronized void started(String runId, boolean resumed, List<ModelProgress> progress) {
    start = clock.instant();
    int toMake = 0;
    int done = 0;
    for (ModelProgress model : progress) {
      models.put(model.model(), new ModelState(model));
      toMake += model.total() - model.done();
      done += model.done();
    }
    out.printf(Locale.ROOT, "%s run %s: %d attempts to make%s%n", resumed ? "Resuming" : "Starting", runId,
        toMake, done > 0 ? " (" + done + " done before)" : "");
    out.flush();
    Duration interval = terminal ? TERMINAL_INTERVAL : PLAIN_INTERVAL;
    ticker = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "parity-progress");
      thread.setDaemon(true);
      return thread;
    });
    ticker.scheduleAtFixedRate(this::render, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void attemptEnded(Attempt attempt) {
    ModelState model = models.get(attempt.key().model());
    model.done++;
    model.paid = model.paid.plus(Spend.of(attempt));
    if (attempt.status().isFailure()) {
      model.failed++;
    }
  }

  @Override
  public synchronized void retrying(AttemptKey attempt, CallFailure failure, Duration wait) {
    models.get(attempt.model()).retries++;
  }

  @Override
  public synchronized void modelStopped(String model, String message) {
    clearBars();
    out.println(message);
    out.flush();
    if (terminal) {
      render();
    }
  }

  @Override
  public void ended(RunOutcome outcome) {
    close();
    synchronized (this) {
      // A tick may have printed the final counts just before the end: the line is printed once.
      if (terminal || !counts().equals(printedCounts)) {
        render();
      }
    }
  }

  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = ticker;
      ticker = null;
    }
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Draws the bars (terminal) or prints one line (plain) now. */
  synchronized void render() {
    if (start == null) {
      return;
    }
    Duration elapsed = Duration.between(start, clock.instant());
    if (terminal) {
      clearBars();
      int width = models.keySet().stream().mapToInt(String::length).max().orElse(5);
      for (ModelState model : models.values()) {
        out.print(bar(model, elapsed, width));
        out.print("\033[K\n");
      }
      drawnLines = models.size();
    } else {
      StringBuilder line = new StringBuilder("[").append(clockTime(elapsed)).append("]");
      String separator = " ";
      for (ModelState model : models.values()) {
        line.append(separator).append(model.name).append(' ').append(stats(model, elapsed));
        separator = " | ";
      }
      out.println(line);
      printedCounts = counts();
    }
    out.flush();
  }

  private String counts() {
    StringBuilder counts = new StringBuilder();
    models.values().forEach(m -> counts.append(m.done).append('/').append(m.retries).append('/')
        .append(m.failed).append('/').append(m.paid).append(' '));
    return counts.toString();
  }

  private void clearBars() {
    if (terminal && drawnLines > 0) {
      // To the start of the first bar, then clear to the end of the screen.
      out.print("\033[" + drawnLines + "F\033[J");
      drawnLines = 0;
    }
  }

  private String bar(ModelState model, Duration elapsed, int width) {
    int filled = model.toMake == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * model.done / model.toMake);
    return String.format(Locale.ROOT, "%-" + width + "s [%s%s] %s", model.name,
        "█".repeat(filled), "░".repeat(BAR_WIDTH - filled), stats(model, elapsed));
  }

  private static String stats(ModelState model, Duration elapsed) {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    double rate = model.done / seconds;
    int remaining = model.toMake - model.done;
    String eta = remaining == 0 ? "done" : rate > 0 ? "ETA " + duration((long) (remaining / rate)) : "ETA ?";
    return String.format(Locale.ROOT, "%d/%d %.1f/s %s %s retries %d failed %d",
        model.doneBefore + model.done, model.total, rate, eta, model.paid.display(2), model.retries, model.failed);
  }

  private static String clockTime(Duration elapsed) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d", elapsed.toHours(), elapsed.toMinutesPart(),
        elapsed.toSecondsPart());
  }

  private static String duration(long seconds) {
    if (seconds >= 3600) {
      return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02dm", seconds % 3600 / 60);
    }
    return seconds >= 60 ? seconds / 60 + "m" + String.format(Locale.ROOT, "%02ds", seconds % 60) : seconds + "s";
  }

  private static final class ModelState {
    final String name;
    final int total;
    final int doneBefore;
    final int toMake;
    int done;
    int retries;
    int failed;
    Spend paid;

    ModelState(ModelProgress progress) {
      this.name = progress.model();
      this.total = progress.total();
      this.doneBefore = progress.done();
      this.toMake = progress.total() - progress.done();
      this.paid = progress.paid();
    }
  }
}
