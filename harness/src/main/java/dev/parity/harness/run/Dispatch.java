package dev.parity.harness.run;

import dev.parity.harness.call.Budget;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.RunStatus;
import dev.parity.store.StoreException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * included. A model has at most its maximum concurrency of open attempts still calling it (its
 * adaptive limit decides how many of those are calling at a time); an attempt whose calls are over
 * leaves its room to the model's next attempt while it makes its deliverable and waits for its
 * record's commit, so the model's next call does not wait for the store. At most as many again may
 * be finishing so, which bounds the answers held in memory when the store is slow. An attempt
 * starts with a reservation of its worst case from the run's {@link Budget}, which counts what was
 * paid plus what every open attempt may still cost; its call charges the answer's cost, and what
 * it did not spend is given back when its calls are over. All of the dispatcher's state is guarded
 * by its monitor.
 *
 * <p>On PostgreSQL the lanes' queues start empty and are filled from the run's shared work queue
 * ({@link QueueSource}): whenever a model has room, the dispatcher claims as many attempts as fit
 * (outside its monitor, so attempts end meanwhile), and a model is done when the queue has none of
 * its attempts left, pending or held by any worker. The claim reserves each attempt's worst case in
 * the budget in its own transaction, so a worker never holds an attempt the budget does not cover;
 * when the budget refuses one, the dispatcher claims again only after one of its attempts ended (and
 * gave back what it did not spend), and stops for the budget when none is open. Attempts claimed
 * but not made go back to the queue, with their reservations. See docs/teams.md#workers.
 */
final class Dispatch {
  private final Runner.Context context;
  private final List<ModelQueue> lanes;
  private final Executor executor;
  private final RunControl control;
  private final Budget budget;
  /** Null for a run made in memory, from the lanes' queues filled at the start. */
  private final QueueSource source;
  private final boolean workHere;
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private final Object monitor = new Object();
  private int madeNow;
  /** How many attempts of this process ended; a claim the budget refused is tried again after one more. */
  private int ended;
  /** The attempt the budget last refused to a claim, and {@link #ended} then; null once a claim fits again. */
  private Work refusedByBudget;
  private int endedAtRefusal;
  private RuntimeException storeFailure;

  /** How the run ended. */
  record End(RunStatus status, String reason) {}

  /**
   * @param source where attempts are claimed from, null when the lanes' queues hold them all
   * @param workHere whether this process makes attempts (false: it waits for other workers to)
   */
  Dispatch(Runner.Context context, Collection<ModelQueue> lanes, Executor executor, RunControl control,
      Budget budget, QueueSource source, boolean workHere) {
    this.context = context;
    this.source = source;
    this.workHere = workHere;
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
    while (true) {
      Map<ModelQueue, Integer> wanted = new LinkedHashMap<>();
      synchronized (monitor) {
        if (control.isAborted()) {
          workers.forEach(Thread::interrupt);
          giveBackUnstarted();
          return new End(RunStatus.STOPPED_INTERRUPTED, "interrupted; the attempts in flight were abandoned");
        }
        // The budget refused a claim and no attempt of ours has ended (given back money) since.
        boolean overBudget = refusedByBudget != null && endedAtRefusal == ended;
        boolean starting = starting();
        if (starting) {
          for (ModelQueue lane : lanes) {
            overBudget |= startWhatFits(lane);
          }
        }
        if (source != null && starting && !overBudget) {
          for (ModelQueue lane : lanes) {
            int room = workHere ? room(lane) : 0;
            // A process that does not work (--no-work) asks only whether the others are done.
            if (!lane.stopped() && !lane.drained && lane.queue.isEmpty() && (room > 0 || !workHere)) {
              wanted.put(lane, room);
            }
          }
        }
        if (wanted.isEmpty()) {
          if (open() == 0) {
            if (storeFailure != null) {
              giveBackUnstarted();
              throw storeFailure;
            }
            return end(overBudget);
          }
          waitForChange(0);
          continue;
        }
      }
      // Outside the monitor: the attempts in flight record and end meanwhile.
      Map<ModelQueue, List<Work>> claimed = new LinkedHashMap<>();
      Map<ModelQueue, Boolean> drained = new LinkedHashMap<>();
      List<Work> refused = new ArrayList<>();
      try {
        wanted.forEach((lane, room) -> {
          QueueSource.Claim got = room == 0 ? new QueueSource.Claim(List.of(), null)
              : source.claim(lane.name(), room, budget);
          claimed.put(lane, got.claimed());
          if (got.heldBack() != null) {
            refused.add(got.heldBack());
          } else if (got.claimed().isEmpty()) {
            drained.put(lane, source.drained(lane.name()));
          }
        });
      } catch (StoreException e) {
        // As when an attempt cannot be recorded: the attempts in flight end, then the run fails.
        synchronized (monitor) {
          storeFailure = storeFailure == null ? e : storeFailure;
        }
      }
      synchronized (monitor) {
        claimed.forEach((lane, got) -> lane.queue.addAll(got));
        drained.forEach((lane, done) -> lane.drained = done);
        refusedByBudget = refused.isEmpty() ? null : refused.get(0);
        endedAtRefusal = ended;
        boolean gotSome = claimed.values().stream().anyMatch(got -> !got.isEmpty());
        boolean allDrained = lanes.stream().allMatch(lane -> lane.drained || lane.stopped());
        if (!gotSome && !allDrained) {
          // Others hold the rest: ask again when one of ours ends, or after a while (a lease may run out).
          waitForChange(source.pollInterval().toMillis());
        }
      }
    }
  }

  /** Waits on the monitor, which it holds, until notified or {@code millis} pass (0: until notified). */
  private void waitForChange(long millis) {
    try {
      monitor.wait(millis);
    } catch (InterruptedException e) {
      // Interrupting the thread that runs the dispatcher aborts the run like a second Ctrl-C.
      control.abort();
    }
  }

  /** Starts the lane's next attempts while they fit; returns whether the budget held one back. */
  private boolean startWhatFits(ModelQueue lane) {
    while (hasRoom(lane)) {
      Optional<Started> next = take(lane);
      if (next.isEmpty()) {
        return true;
      }
      executor.execute(() -> attempts(lane, next.get()));
    }
    return false;
  }

  /** Whether the lane has an attempt to start and room for it; holds the monitor. */
  private static boolean hasRoom(ModelQueue lane) {
    return !lane.stopped() && !lane.queue.isEmpty() && room(lane) > 0;
  }

  /**
   * How many more attempts the lane may start: its maximum concurrency of attempts still calling,
   * and as many again finishing after their calls; holds the monitor.
   */
  private static int room(ModelQueue lane) {
    int most = lane.caller.maxConcurrency();
    return Math.max(0, Math.min(most - (lane.open - lane.called), 2 * most - lane.open));
  }

  /** An attempt taken from its lane's queue, with the budget's reservation of its worst case. */
  private record Started(Work work, Budget.Reservation reservation) {}

  /**
   * Takes the lane's next attempt and counts it open, when the budget reserves its worst case;
   * empty when the budget holds it back. The lane's queue is not empty; holds the monitor.
   */
  private Optional<Started> take(ModelQueue lane) {
    Work next = lane.queue.peek();
    // Work claimed from the queue had its worst case reserved in the claim's transaction.
    Optional<Budget.Reservation> reservation = next.reserved() ? Optional.of(budget.adopt(next.worstCaseUsd()))
        : budget.reserve(next.worstCaseUsd());
    if (reservation.isEmpty()) {
      return Optional.empty();
    }
    lane.queue.poll();
    lane.open++;
    return Optional.of(new Started(next, reservation.get()));
  }

  /**
   * Makes {@code first}, then the lane's next attempts while the run starts more, on this thread:
   * the slot an attempt leaves goes to the next one at once, without waking the dispatcher and
   * handing the work to another thread (two thread switches per attempt, each a wait for a core on
   * a busy machine). The room an attempt's calls leave goes to another thread at once ({@link
   * CallsOver}); the dispatcher still starts whatever no attempt's thread takes.
   */
  private void attempts(ModelQueue lane, Started first) {
    workers.add(Thread.currentThread());
    try {
      Started next = first;
      while (next != null) {
        Started current = next;
        next = null;
        boolean recorded = false;
        boolean finished = false;
        CallsOver callsOver = new CallsOver(lane, current.reservation());
        try {
          recorded = attempt(lane, current.work(), current.reservation(), callsOver);
          finished = true;
        } finally {
          // An attempt that threw (a bug) still leaves its slot, and this thread takes no more.
          next = end(lane, callsOver, recorded, finished);
        }
      }
    } finally {
      workers.remove(Thread.currentThread());
      // The pool reuses this thread: an abort's interrupt must not reach the next task it runs.
      Thread.interrupted();
    }
  }

  /**
   * Told by an attempt when its calls are over (answered, failed or stopped), before it makes its
   * deliverable and record: gives back what its reservation did not spend, counts it among the
   * lane's finishing attempts, and starts the lane's next attempt on another thread when there is
   * room. Only the first telling counts.
   */
  private final class CallsOver implements Runnable {
    private final ModelQueue lane;
    private final Budget.Reservation reservation;
    /** Guarded by the dispatcher's monitor. */
    private boolean told;

    CallsOver(ModelQueue lane, Budget.Reservation reservation) {
      this.lane = lane;
      this.reservation = reservation;
    }

    @Override
    public void run() {
      reservation.close();
      synchronized (monitor) {
        if (told) {
          return;
        }
        told = true;
        lane.called++;
        Started next = starting() && hasRoom(lane) ? take(lane).orElse(null) : null;
        if (next != null) {
          executor.execute(() -> attempts(lane, next));
        } else {
          // The lane has room the dispatcher may fill: from the shared queue, or once the budget allows.
          monitor.notifyAll();
        }
      }
    }
  }

  /**
   * Counts an attempt of the lane ended; returns the lane's next attempt for this thread to make
   * when {@code goOn} and the run starts more, or null.
   */
  private Started end(ModelQueue lane, CallsOver callsOver, boolean recorded, boolean goOn) {
    synchronized (monitor) {
      lane.open--;
      if (callsOver.told) {
        lane.called--;
      }
      ended++;
      if (recorded) {
        madeNow++;
      }
      Started next = goOn && starting() && hasRoom(lane) ? take(lane).orElse(null) : null;
      // A thread that goes on with the lane's next attempt leaves the open counts as they were: the
      // dispatcher needs waking only when they change, or when a claim the budget refused may fit now.
      if (next == null || refusedByBudget != null) {
        monitor.notifyAll();
      }
      return next;
    }
  }

  /** Whether the run starts attempts: neither stopping nor failed to record one. Holds the monitor. */
  private boolean starting() {
    return !control.isStopping() && storeFailure == null;
  }

  /** Makes one attempt of the lane and ends it; returns whether it was recorded. */
  private boolean attempt(ModelQueue lane, Work work, Budget.Reservation reservation, Runnable callsOver) {
    Optional<Attempt> recorded = Optional.empty();
    boolean leaseLost = false;
    try {
      recorded = new AttemptExecution(context, lane, work, reservation, callsOver).run();
      recorded.ifPresent(context.listener()::attemptEnded);
    } catch (InterruptedException e) {
      // Aborted: the attempt stays pending in the store, to be made on a resume.
    } catch (LeaseLostException e) {
      leaseLost = true;
    } catch (StoreException e) {
      if (!control.isAborted()) {
        synchronized (monitor) {
          storeFailure = storeFailure == null ? e : storeFailure;
        }
      }
    } finally {
      // This thread may make the lane's next attempt: an abort's interrupt must not reach one taken
      // after it (none is taken once the run stops).
      Thread.interrupted();
      reservation.close();
      if (recorded.isEmpty() && !leaseLost && work.lease() != null) {
        giveBack(List.of(work));
      }
    }
    return recorded.isPresent();
  }

  /** Gives the queued attempts no attempt started back to the shared queue; holds the monitor. */
  private void giveBackUnstarted() {
    if (source == null) {
      return;
    }
    List<Work> unstarted = new ArrayList<>();
    lanes.forEach(lane -> {
      unstarted.addAll(lane.queue);
      lane.queue.clear();
    });
    // Their claim reserved their worst case: give it back with them.
    unstarted.stream().filter(Work::reserved).forEach(w -> budget.adopt(w.worstCaseUsd()).close());
    giveBack(unstarted);
  }

  /** Best effort: work not given back comes free when its lease runs out. */
  private void giveBack(List<Work> unmade) {
    try {
      source.giveBack(unmade);
    } catch (RuntimeException e) {
      // The lease runs out instead.
    }
  }

  private End end(boolean overBudget) {
    boolean workLeft = lanes.stream().anyMatch(l -> !l.queue.isEmpty() || source != null && !l.drained);
    double heldBack = lanes.stream().filter(l -> !l.queue.isEmpty())
        .mapToDouble(l -> l.queue.peek().worstCaseUsd()).min()
        .orElse(refusedByBudget == null ? 0 : refusedByBudget.worstCaseUsd());
    giveBackUnstarted();
    if (control.isStopping() && workLeft) {
      return new End(RunStatus.STOPPED_INTERRUPTED, "interrupted");
    }
    if (overBudget) {
      return new End(RunStatus.STOPPED_BUDGET, String.format(Locale.ROOT,
          "budget: $%.4f of $%.2f spent, and the next attempt could cost up to $%.4f",
          budget.paidUsd(), budget.limitUsd(), heldBack));
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
