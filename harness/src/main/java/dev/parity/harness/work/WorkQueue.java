package dev.parity.harness.work;

import dev.parity.core.ParityException;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.store.Database;
import dev.parity.store.Handle;
import dev.parity.store.Row;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The work queue of runs on PostgreSQL, as seen by one worker: attempts to make ({@code
 * work_units}), claimed with {@code SELECT … FOR UPDATE SKIP LOCKED} under a lease that the worker
 * renews ({@link LeaseTable}), recorded once, and given back when a worker stops or dies. Design:
 * docs/teams.md#workers.
 *
 * <p>Every claim is one transaction here ({@link #claim}): what must be checked before work is
 * taken (a shared budget, shared rate limits) belongs in it.
 *
 * <p>Leases run on this worker's {@link Clock}: the machines of one team must agree on the time
 * to well within a lease (NTP does). A worker that stops renewing (killed, frozen) loses its
 * attempts once the lease runs out; the next claim takes them over and counts each as an expired
 * lease, a call that may have been paid twice. Thread-safe; holds no connection between calls.
 */
public final class WorkQueue {
  /** How long a claim holds an attempt unless renewed, by default. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
  private static final String PENDING = LeaseTable.PENDING;
  private static final String LEASED = LeaseTable.LEASED;
  private static final String DONE = LeaseTable.DONE;
  private static final LeaseTable.Key<AttemptKey> KEY = new LeaseTable.Key<>() {
    @Override
    public AttemptKey read(Row r) throws SQLException {
      return new AttemptKey(r.text(1), r.text(2), r.text(3), r.integer(4));
    }

    @Override
    public List<Object> values(AttemptKey key) {
      return List.of(key.runId(), key.model(), key.taskId(), key.sample());
    }
  };

  private final Database database;
  private final Clock clock;
  private final LeaseTable<AttemptKey> units;

  private WorkQueue(Database database, Clock clock, Duration lease, String worker) {
    this.database = database;
    this.clock = clock;
    this.units = new LeaseTable<>("work_units", List.of("run_id", "model_name"), List.of("task_id", "sample"), KEY,
        clock, lease, worker);
  }

  /**
   * The queue in {@code database} for a worker named {@code worker} (unique among the workers of
   * the database: {@link #newWorkerName()}), whose claims hold for {@code lease} unless renewed.
   *
   * @throws ParityException when the database is not PostgreSQL: an SQLite store has one process
   */
  public static WorkQueue open(Database database, Clock clock, Duration lease, String worker) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(worker, "worker");
    if (!supports(database)) {
      throw new ParityException("workers need a PostgreSQL store, and " + database.name() + " is "
          + database.dialect().name() + ": give --db postgresql://USER@HOST:PORT/DB (docs/teams.md#workers)."
          + " On one machine, `parity run` alone makes the run's attempts.");
    }
    return new WorkQueue(database, clock, lease, worker);
  }

  /** Whether runs in {@code database} can be worked by several processes (it is PostgreSQL). */
  public static boolean supports(Database database) {
    return database.dialect().name().equals("postgresql");
  }

  /** A worker name unique on every machine: host, process id and a random part. */
  public static String newWorkerName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + ":" + ProcessHandle.current().pid() + ":"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
  }

  /** This worker's name, as recorded on the attempts it holds. */
  public String worker() {
    return units.worker();
  }

  /** How long a claim holds an attempt unless renewed. */
  public Duration lease() {
    return units.lease();
  }

  /**
   * Puts every attempt of {@code runId} by {@code models} that is pending, or that failed when
   * {@code retryFailed}, in the queue, in one statement: attempts already queued and not done keep
   * their state (a worker may hold them), and done ones whose attempt failed are queued again.
   */
  public void enqueue(String runId, List<String> models, boolean retryFailed) {
    if (models.isEmpty()) {
      return;
    }
    List<String> statuses = new ArrayList<>(List.of(AttemptStatus.PENDING.id()));
    if (retryFailed) {
      Arrays.stream(AttemptStatus.values()).filter(AttemptStatus::isFailure).map(AttemptStatus::id)
          .forEach(statuses::add);
    }
    List<Object> parameters = new ArrayList<>();
    parameters.add(PENDING);
    parameters.add(runId);
    parameters.addAll(models);
    parameters.addAll(statuses);
    parameters.add(PENDING);
    parameters.add(DONE);
    database.transaction("queue the attempts of run " + runId, h -> h.update(
        "INSERT INTO work_units (run_id, model_name, task_id, sample, state)"
            + " SELECT run_id, model_name, task_id, sample, ? FROM attempts WHERE run_id = ?"
            + " AND model_name IN (" + marks(models.size()) + ") AND status IN (" + marks(statuses.size()) + ")"
            + " ON CONFLICT (run_id, model_name, task_id, sample) DO UPDATE SET state = ?, worker = NULL,"
            + " lease_until_ms = NULL WHERE work_units.state = ?",
        parameters.toArray()));
  }

  /**
   * Claims up to {@code max} of {@code model}'s attempts of {@code runId} for this worker, in one
   * transaction: pending ones, and held ones whose lease ran out (taken over, and counted as
   * {@linkplain QueueProgress#expiredLeases expired leases}). Attempts another transaction is
   * claiming at the same moment are skipped, never waited for, and never given to two workers.
   *
   * @return the leases, none when nothing is free
   */
  public List<Lease> claim(String runId, String model, int max) {
    return claim(runId, model, max, (h, lease) -> true).leases();
  }

  /**
   * What decides, inside the claiming transaction, whether a claimed attempt may be taken: a shared
   * budget reserving its worst case there, so the reservation commits or rolls back with the claim.
   */
  @FunctionalInterface
  public interface Admission {
    /** Whether {@code lease} may be taken; false gives it back, with every later one of the claim. */
    boolean admit(Handle handle, Lease lease) throws SQLException;
  }

  /**
   * What a claim took, and whether its {@link Admission} refused one.
   *
   * @param leases the attempts taken, in the order they were admitted
   * @param refused the first attempt admission refused (given back with those after it), or null
   */
  public record Claimed(List<Lease> leases, Lease refused) {}

  /**
   * Claims as {@link #claim(String, String, int)} does, admitting each claimed attempt in order with
   * {@code admission}, in the same transaction: the first one refused and every one after it are
   * put back pending before the transaction commits, so no other worker ever sees them held.
   */
  public Claimed claim(String runId, String model, int max, Admission admission) {
    if (max <= 0) {
      return new Claimed(List.of(), null);
    }
    return database.transaction("claim attempts of " + model + " in run " + runId, h -> {
      List<Lease> leases = units.claim(h, List.of(runId, model), max).stream().map(WorkQueue::lease).toList();
      for (int i = 0; i < leases.size(); i++) {
        if (!admission.admit(h, leases.get(i))) {
          List<Lease> refused = leases.subList(i, leases.size());
          units.giveBack(h, refused.stream().map(WorkQueue::held).toList());
          return new Claimed(leases.subList(0, i), refused.get(0));
        }
      }
      return new Claimed(leases, null);
    });
  }

  private static Lease lease(LeaseTable.Held<AttemptKey> held) {
    return new Lease(held.key(), held.worker(), held.token(), held.takenOver());
  }

  private static LeaseTable.Held<AttemptKey> held(Lease lease) {
    return new LeaseTable.Held<>(lease.key(), lease.worker(), lease.token(), lease.takenOver());
  }

  /**
   * Extends every lease this worker holds to a full lease from now, in one statement.
   *
   * @return how many it holds
   */
  public int renew() {
    return database.transaction("renew the leases of worker " + worker(), units::renew);
  }

  /**
   * The statement that marks {@code held} done, for the transaction that records its attempt: it
   * changes one row, or none when the lease is no longer the attempt's latest (it ran out and
   * another worker claimed the attempt), and the caller must then record nothing.
   */
  public Handle.Update completion(Lease held) {
    return units.completion(held(held));
  }

  /**
   * Gives {@code held} back unmade (a stop, a budget, a stopped model), so that any worker may
   * claim it at once; nothing when it is no longer this lease's.
   */
  public void release(Lease held) {
    release(List.of(held));
  }

  /** Gives back several leases at once; see {@link #release(Lease)}. */
  public void release(List<Lease> held) {
    if (held.isEmpty()) {
      return;
    }
    database.transaction("give back " + held.size() + " attempts", h -> {
      units.giveBack(h, held.stream().map(WorkQueue::held).toList());
      return null;
    });
  }

  /** Where {@code runId}'s queue stands; all zero for a run that was never queued. */
  public QueueProgress progress(String runId) {
    return database.read("read the work queue of run " + runId, h -> {
      LeaseTable.Counts c = units.counts(h, List.of(runId));
      return new QueueProgress(c.pending(), c.leased(), c.done(), c.expiredLeases());
    });
  }

  /**
   * How many claims of {@code runId}'s attempts were taken over from workers whose lease ran out,
   * in any store (zero on SQLite, whose runs have no queue).
   */
  public static int takenOver(Database database, String runId) {
    return database.read("count the attempts taken over in run " + runId, h -> h.first(
        "SELECT COALESCE(SUM(expired_leases), 0) FROM work_units WHERE run_id = ?", r -> r.integer(1), runId)
        .orElse(0));
  }

  /** Whether {@code model}'s attempts of {@code runId} are all made: none pending, none held. */
  public boolean drained(String runId, String model) {
    // The literal state lets the planner count in the index of the units not done (V1_10).
    return database.read("read the work queue of run " + runId, h -> h.first(
        "SELECT COUNT(*) FROM work_units WHERE run_id = ? AND model_name = ? AND state <> '" + DONE + "'",
        r -> r.integer(1) == 0, runId, model).orElseThrow());
  }

  /** The runs with attempts free to claim now (pending, or held under a lease that ran out), oldest first. */
  public List<String> runsWithWork() {
    return database.read("find runs with work", h -> h.list(
        "SELECT w.run_id FROM work_units w JOIN runs r ON r.id = w.run_id"
            + " WHERE w.state = ? OR w.state = ? AND w.lease_until_ms < ?"
            + " GROUP BY w.run_id, r.created_at ORDER BY r.created_at, w.run_id",
        r -> r.text(1), PENDING, LEASED, clock.millis()));
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
