package dev.parity.harness.run;

import dev.parity.harness.call.Budget;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.RunStatus;
import dev.parity.store.StoreException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The dispatcher of one run: starts each model's queued attempts while the model has room for
 * more and the budget allows, waits for attempts to end, and decides how the run ends.
 *
 * <p>An attempt is "open" from its start until it is recorded, retries and backoff waits
 * included; a model has at most its maximum concurrency open, and its adaptive limit decides how
 * many of those are actually calling. An attempt starts with a reservation of its worst case from
 * the run's {@link Budget}, which counts what was paid plus what every open attempt may still cost;
 * its call charges the answer's cost. All of the dispatcher's state is guarded by its monitor.
 */
final class Dispatch {
  private final Runner.Context context;
  private final List<ModelQueue> lanes;
  private final Executor executor;
  private final RunControl control;
  private final Budget budget;
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private final Object monitor = new Object();
  private int madeNow;
  private RuntimeException storeFailure;

  /** How the run ended. */
  record End(RunStatus status, String reason) {}

  Dispatch(Runner.Context context, Collection<ModelQueue> lanes, Executor executor, RunControl control,
      Budget budget) {
    this.context = context;
    this.lanes = List.copyOf(lanes);
    this.executor = executor;
    this.control = control;
    this.budget = budget;
  }

  End run() {
    Runnable wake = this::wake;
    control.onChange(wake);
    try {
      return dispatch();
    } finally {
      control.removeListener(wake);
    }
  }

  private End dispatch() {
    synchronized (monitor) {
      while (true) {
        if (control.isAborted()) {
          workers.forEach(Thread::interrupt);
          return new End(RunStatus.STOPPED_INTERRUPTED, "interrupted; the attempts in flight were abandoned");
        }
        boolean overBudget = false;
        if (!control.isStopping() && storeFailure == null) {
          for (ModelQueue lane : lanes) {
            overBudget |= startWhatFits(lane);
          }
        }
        if (open() == 0) {
          if (storeFailure != null) {
            throw storeFailure;
          }
          return end(overBudget);
        }
        try {
          monitor.wait();
        } catch (InterruptedException e) {
          // Interrupting the thread that runs the dispatcher aborts the run like a second Ctrl-C.
          control.abort();
        }
      }
    }
  }

  /** Starts the lane's next attempts while they fit; returns whether the budget held one back. */
  private boolean startWhatFits(ModelQueue lane) {
    while (!lane.stopped() && !lane.queue.isEmpty() && lane.open < lane.caller.maxConcurrency()) {
      Work next = lane.queue.peek();
      Optional<Budget.Reservation> reservation = budget.reserve(next.worstCaseUsd());
      if (reservation.isEmpty()) {
        return true;
      }
      lane.queue.poll();
      lane.open++;
      executor.execute(() -> attempt(lane, next, reservation.get()));
    }
    return false;
  }

  private void attempt(ModelQueue lane, Work work, Budget.Reservation reservation) {
    workers.add(Thread.currentThread());
    Optional<Attempt> recorded = Optional.empty();
    try {
      recorded = new AttemptExecution(context, lane, work, reservation).run();
      recorded.ifPresent(context.listener()::attemptEnded);
    } catch (InterruptedException e) {
      // Aborted: the attempt stays pending in the store, to be made on a resume.
    } catch (StoreException e) {
      if (!control.isAborted()) {
        synchronized (monitor) {
          storeFailure = storeFailure == null ? e : storeFailure;
        }
      }
    } finally {
      workers.remove(Thread.currentThread());
      // The pool reuses this thread: an abort's interrupt must not reach the next task it runs.
      Thread.interrupted();
      reservation.close();
      synchronized (monitor) {
        lane.open--;
        if (recorded.isPresent()) {
          madeNow++;
        }
        monitor.notifyAll();
      }
    }
  }

  private End end(boolean overBudget) {
    boolean workLeft = lanes.stream().anyMatch(l -> !l.queue.isEmpty());
    if (control.isStopping() && workLeft) {
      return new End(RunStatus.STOPPED_INTERRUPTED, "interrupted");
    }
    if (overBudget) {
      return new End(RunStatus.STOPPED_BUDGET, String.format(Locale.ROOT,
          "budget: $%.4f of $%.2f spent, and the next attempt could cost up to $%.4f",
          budget.paidUsd(), budget.limitUsd(), lanes.stream().filter(l -> !l.queue.isEmpty())
              .mapToDouble(l -> l.queue.peek().worstCaseUsd()).min().orElse(0)));
    }
    List<String> stopped = lanes.stream().filter(ModelQueue::stopped).map(ModelQueue::stopMessage).toList();
    if (!stopped.isEmpty()) {
      return new End(RunStatus.STOPPED_MODEL, String.join("\n", stopped));
    }
    return new End(RunStatus.COMPLETED, null);
  }

  private int open() {
    return lanes.stream().mapToInt(l -> l.open).sum();
  }

  private void wake() {
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  int madeNow() {
    synchronized (monitor) {
      return madeNow;
    }
  }
}
