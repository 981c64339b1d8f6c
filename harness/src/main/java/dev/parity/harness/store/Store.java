package dev.parity.harness.store;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.ModelConfig;
import dev.parity.store.BlobStore;
import dev.parity.store.Database;
import dev.parity.store.Handle;
import dev.parity.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The harness's tables in the store: runs and their attempts, over a {@link Database}, with the
 * database's {@link BlobStore} for deliverables, answers and transcripts.
 *
 * <p>Every write is one transaction, so a process killed at any moment leaves the store as it was
 * after the last completed write. Reads never wait for a writer.
 *
 * <p>Safe to use from many threads. A store {@linkplain #open opened on a file} owns its database
 * and closes it; one {@linkplain #Store(Database) made on a database} leaves that to its owner.
 */
public final class Store implements AutoCloseable {
  private final Database database;
  private final boolean ownsDatabase;
  private final ReentrantLock recording = new ReentrantLock();
  private final Queue<PendingRecord> pending = new ConcurrentLinkedQueue<>();

  /** The runs and attempts in {@code database}, which stays its owner's to close. */
  public Store(Database database) {
    this(database, false);
  }

  private Store(Database database, boolean ownsDatabase) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
  }

  /**
   * Opens (creating it if needed) the SQLite store in {@code file} and brings its schema up to
   * date; closing the store closes the database.
   *
   * @throws StoreException when the file cannot be opened or a migration fails
   */
  public static Store open(Path file) {
    return new Store(Database.open(file), true);
  }

  /** The database the store is in. */
  public Database database() {
    return database;
  }

  /** The blob store beside the database. */
  public BlobStore blobs() {
    return database.blobs();
  }

  /** Records a new run, its models and every attempt it will make (all pending), in one transaction. */
  public void createRun(Run run, List<AttemptKey> attempts) {
    database.transaction("create run " + run.id(), h -> {
      RunRows.insert(h, run);
      AttemptRows.insertPending(h, attempts);
      return null;
    });
  }

  /**
   * Records a new run with its pending attempts as {@link #createRun(Run, List)} does, and returns
   * them as {@link #attempts} would read them back (by model in the run's order, task id, sample).
   * On a store whose engine orders text by its bytes (SQLite) they are not read back: a run of
   * 4,000 tasks would wait about 0.1 s of CPU for its own pending rows before its first call.
   */
  public List<Attempt> createRunWithAttempts(Run run, List<AttemptKey> attempts) {
    createRun(run, attempts);
    if (!database.dialect().ordersTextByBytes()) {
      return attempts(run.id());
    }
    Map<String, Integer> ordinals = new HashMap<>();
    for (ModelConfig model : run.models()) {
      ordinals.putIfAbsent(model.name(), ordinals.size());
    }
    Comparator<AttemptKey> order = Comparator.<AttemptKey>comparingInt(k -> ordinals.get(k.model()))
        .thenComparing(AttemptKey::taskId, Store::compareUtf8)
        .thenComparingInt(AttemptKey::sample);
    return attempts.stream().sorted(order).map(Attempt::pending).toList();
  }

  /** The order of SQLite's BINARY collation: by UTF-8 bytes, unsigned. */
  private static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Records a new run with its pending attempts as {@link #createRun(Run, List)} does, and runs
   * {@code with} in the same transaction (a caller's own rows that belong with the run).
   */
  public void createRun(Run run, List<AttemptKey> attempts, Database.Work<?> with) {
    database.transaction("create run " + run.id(), h -> {
      RunRows.insert(h, run);
      AttemptRows.insertPending(h, attempts);
      return with.apply(h);
    });
  }

  /**
   * Records a professional's attempt (contestant {@code human:<id>}) with its files, the blobs and
   * features they bring and what the work took, in one transaction, after {@code claim} has run first in that transaction and
   * returned true (the caller's own change that makes the submission happen once, such as marking
   * the work submitted); when it returns false nothing is written and false is returned.
   *
   * @throws StoreException when it cannot be written; nothing is then
   */
  public boolean recordHuman(Attempt attempt, List<AttemptFile> files, NewContent content, HumanWork work,
      Database.Work<Boolean> claim) {
    return database.transaction("record attempt " + attempt.key(), h -> {
      if (!claim.apply(h)) {
        return false;
      }
      writeContent(h, List.of(content));
      AttemptRows.record(h, List.of(new AttemptRows.Result(attempt, files, List.of())));
      HumanWorkRows.insert(h, attempt.key(), work);
      return true;
    });
  }

  /** What each professional's attempt of a run took; empty for a run of models only. */
  public Map<AttemptKey, HumanWork> humanWork(String runId) {
    return database.read("read human work of run " + runId, h -> HumanWorkRows.ofRun(h, runId));
  }

  /**
   * Adds pending attempts to a run, with their model after the run's others if the run does not
   * have it yet, in one transaction. Used to bring in answers made outside a run (an import).
   *
   * @throws StoreException when the run does not exist or one of the attempts does already
   */
  public void addAttempts(String runId, ModelConfig model, List<AttemptKey> attempts) {
    database.transaction("add attempts of " + model.name() + " to run " + runId, h -> {
      RunRows.addModelIfAbsent(h, runId, model);
      AttemptRows.insertPending(h, attempts);
      return null;
    });
  }

  /** The run with this id, with its models. */
  public Optional<Run> findRun(String id) {
    return database.read("read run " + id, h -> RunRows.find(h, id));
  }

  /** Every run, the most recently started first. */
  public List<Run> runs() {
    return database.read("list runs", RunRows::all);
  }

  /**
   * Marks a run as running again from its {@code heartbeat}'s time, by a process that writes
   * heartbeats at its interval, with the model settings it now runs with (a resume may change
   * limits and prices, never what identifies a model's answers).
   */
  public void restartRun(String runId, Run.Heartbeat heartbeat, List<ModelConfig> models) {
    database.transaction("restart run " + runId, h -> {
      RunRows.restart(h, runId, heartbeat, models);
      return null;
    });
  }

  /** Records that the process running {@code runId} was alive at {@code at}. */
  public void heartbeat(String runId, Instant at) {
    database.transaction("write the heartbeat of run " + runId, h -> RunRows.beat(h, runId, at));
  }

  /** Records how and when a run ended. */
  public void endRun(String runId, RunStatus status, String stopReason, Instant at) {
    database.transaction("end run " + runId, h -> RunRows.end(h, runId, status, stopReason, at));
  }

  /** Every attempt of a run, by model order, task id and sample. */
  public List<Attempt> attempts(String runId) {
    return database.read("read attempts of run " + runId, h -> AttemptRows.ofRun(h, runId));
  }

  /**
   * The status and cost of every attempt of a run, in the order of {@link #attempts}, read without
   * the rest of each attempt: what a run's end adds up (at 4,000 attempts, reading them whole was
   * most of the CPU between the last answer and the summary line).
   */
  public List<AttemptCost> attemptCosts(String runId) {
    return database.read("read the costs of run " + runId, h -> AttemptRows.costsOfRun(h, runId));
  }

  /**
   * Records an attempt's result with its files and the errors of its calls, all in one
   * transaction, and returns once it is committed. The attempt must exist (created pending with its
   * run).
   *
   * <p>Attempts recorded by several threads at once are committed together (group commit): the
   * thread that gets to write takes every attempt waiting, in one transaction, so that many
   * attempts ending at once do not queue for a commit each, and then wakes their threads all at
   * once (not one after the other, as a lock hands over). Each attempt is still whole or absent,
   * and a caller returns only after its own attempt is committed. If the group's transaction
   * fails, each attempt is written again on its own, so one bad attempt fails alone.
   *
   * @throws StoreException when the attempt cannot be written
   */
  public void record(Attempt attempt, List<AttemptFile> files, List<CallError> errors) {
    record(attempt, files, errors, null);
  }

  /**
   * Records an attempt as {@link #record(Attempt, List, List)} does, after {@code fence} has run
   * first in the same transaction and changed one row (the caller's own condition for the record,
   * such as still holding the attempt's lease: {@link dev.parity.harness.work.WorkQueue#completion});
   * when it changes none, nothing of the attempt is written and false is returned. The fences of
   * attempts recorded together run as one batch.
   *
   * @param fence null to record unconditionally
   * @throws StoreException when the attempt cannot be written
   */
  public boolean record(Attempt attempt, List<AttemptFile> files, List<CallError> errors, Handle.Update fence) {
    return record(attempt, files, errors, fence, NewContent.NONE);
  }

  /**
   * Records an attempt as {@link #record(Attempt, List, List, Handle.Update)} does, with the blobs
   * and file features it brings written in the same transaction (after the fence, and only if it
   * held): an attempt costs one transaction, shared with the attempts that end at the same time,
   * whose rows are written with its own, one batch per statement.
   *
   * @throws StoreException when the attempt cannot be written
   */
  public boolean record(Attempt attempt, List<AttemptFile> files, List<CallError> errors, Handle.Update fence,
      NewContent content) {
    PendingRecord mine = new PendingRecord(attempt, files, errors, fence, content, Thread.currentThread());
    pending.add(mine);
    boolean interrupted = false;
    while (!mine.written) {
      if (recording.tryLock()) {
        try {
          if (!mine.written) {
            writePending();
          }
        } finally {
          recording.unlock();
        }
        // An attempt added while the group was written waits for a writer: wake one (after the
        // unlock, so that one added after this look finds the lock free).
        PendingRecord next = pending.peek();
        if (next != null) {
          LockSupport.unpark(next.thread);
        }
      } else {
        // Another thread is writing: it wakes this one when it wrote this attempt, or when it is
        // done and this attempt still waits. As uninterruptible as a lock: an interrupt is kept for later.
        LockSupport.park(this);
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return !mine.fenced;
  }

  /**
   * An attempt waiting to be committed, and the thread that waits for it. Its fields are written by
   * the thread that holds the recording lock; {@link #written}, set last, makes them visible to the
   * waiting thread.
   */
  private static final class PendingRecord {
    final Attempt attempt;
    final List<AttemptFile> files;
    final List<CallError> errors;
    final Handle.Update fence;
    final NewContent content;
    final Thread thread;
    volatile boolean written;
    /** Its fence said no: nothing was written. */
    boolean fenced;
    StoreException failure;

    PendingRecord(Attempt attempt, List<AttemptFile> files, List<CallError> errors, Handle.Update fence,
        NewContent content, Thread thread) {
      this.attempt = attempt;
      this.files = files;
      this.errors = errors;
      this.fence = fence;
      this.content = content;
      this.thread = thread;
    }

    /** Marks it written and wakes its thread, unless that is the writer's own. */
    void written() {
      written = true;
      if (thread != Thread.currentThread()) {
        LockSupport.unpark(thread);
      }
    }
  }

  /**
   * Writes the blobs and file features that attempts bring, each once, in the order of their keys:
   * every writer takes the rows' locks in the same order, so two groups that bring the same new
   * content wait for each other instead of deadlocking.
   */
  private void writeContent(Handle h, List<NewContent> contents) throws SQLException {
    Map<String, BlobStore.Staged> blobs = new TreeMap<>();
    Map<String, FileFeatures> features = new TreeMap<>();
    for (NewContent content : contents) {
      content.blobs().forEach(b -> blobs.putIfAbsent(b.sha256(), b));
      content.features().forEach(f -> features.putIfAbsent(f.sha256() + " " + f.format().id(), f));
    }
    blobs().write(h, new ArrayList<>(blobs.values()));
    if (!features.isEmpty()) {
      FeatureRows.record(h, features.values());
    }
  }

  /**
   * Writes the attempts of {@code group} whose fence holds, with the content they bring, in the
   * caller's transaction: the fences first (one batch), then the content, then the rows (a batch
   * per statement). Marks each as fenced or not, and written.
   */
  private void write(Handle h, List<PendingRecord> group) throws SQLException {
    List<PendingRecord> withFence = group.stream().filter(r -> r.fence != null).toList();
    int[] changed = h.counts(withFence.stream().map(r -> r.fence).toList());
    for (int i = 0; i < withFence.size(); i++) {
      withFence.get(i).fenced = changed[i] != 1;
    }
    List<PendingRecord> passed = group.stream().filter(r -> !r.fenced).toList();
    writeContent(h, passed.stream().map(r -> r.content).toList());
    AttemptRows.record(h, passed.stream().map(r -> new AttemptRows.Result(r.attempt, r.files, r.errors)).toList());
  }

  /** Writes every pending attempt in one transaction, or each alone if that fails. Holds the lock. */
  private void writePending() {
    List<PendingRecord> group = new ArrayList<>();
    for (PendingRecord next = pending.poll(); next != null; next = pending.poll()) {
      group.add(next);
    }
    try {
      database.transaction("record " + group.size() + " attempts", h -> {
        write(h, group);
        return null;
      });
      group.forEach(PendingRecord::written);
    } catch (RuntimeException e) {
      for (PendingRecord record : group) {
        record.fenced = false;
        try {
          database.transaction("record attempt " + record.attempt.key(), h -> {
            write(h, List.of(record));
            return null;
          });
        } catch (StoreException failure) {
          record.failure = failure;
        } catch (RuntimeException failure) {
          record.failure = new StoreException("cannot record attempt " + record.attempt.key() + " in "
              + database.name() + ": " + failure.getMessage(), failure);
        }
        record.written();
      }
    } catch (Error e) {
      // Not an exception of the store's (out of memory, say): the group's other threads must not wait for ever.
      for (PendingRecord record : group) {
        if (!record.written) {
          record.failure = new StoreException("cannot record attempt " + record.attempt.key() + " in "
              + database.name() + ": " + e, e);
          record.written();
        }
      }
      throw e;
    }
  }

  /**
   * Adds one agent turn's tokens and cost to what attempt {@code key} has spent, when the turn
   * answers: a try left unfinished by a stop or a kill stays counted in the run's cost and budget
   * after the attempt starts over ({@link Attempt.Agent#spentUsd()}).
   *
   * @param costUsd the turn's cost; null when its price is unknown (adds nothing)
   * @throws StoreException when it cannot be written
   */
  public void addSpent(AttemptKey key, Usage usage, Double costUsd) {
    database.transaction("count a turn of attempt " + key, h -> {
      AttemptRows.addSpent(h, key, usage, costUsd);
      return null;
    });
  }

  /** The earliest ended attempt, in any run, whose answer came from the request {@code cacheKey}. */
  public Optional<Attempt> findCachedAnswer(String cacheKey) {
    return database.read("look up the answer cache", h -> AttemptRows.cached(h, cacheKey));
  }

  /**
   * The cache key of every answer {@link #findCachedAnswer} can serve, so that a run asks the
   * database only about requests it has an answer for.
   */
  public Set<String> cachedAnswerKeys() {
    return database.read("read the answer cache's keys", AttemptRows::cachedKeys);
  }

  /** The files of an attempt's deliverable, by name. */
  public List<AttemptFile> files(AttemptKey key) {
    return database.read("read files of " + key, h -> AttemptRows.files(h, key));
  }

  /** The files of every attempt of a run that has any, by attempt, each attempt's by name. */
  public Map<AttemptKey, List<AttemptFile>> filesOfRun(String runId) {
    return database.read("read files of run " + runId, h -> AttemptRows.filesOfRun(h, runId));
  }

  /**
   * The features recorded for the files with these hashes (at {@link FileFeatures#VERSION}), in
   * every format they were read as; hashes without any are left out.
   */
  public List<FileFeatures> fileFeatures(Collection<String> sha256s) {
    return database.read("read the features of " + sha256s.size() + " files", h -> FeatureRows.of(h, sha256s));
  }

  /** Records files' features, in one transaction; features recorded before for a file stay as they are. */
  public void recordFileFeatures(Collection<FileFeatures> features) {
    if (features.isEmpty()) {
      return;
    }
    database.transaction("record the features of " + features.size() + " files", h -> {
      FeatureRows.record(h, features);
      return null;
    });
  }

  /** The failed calls of an attempt, in order. */
  public List<CallError> errors(AttemptKey key) {
    return database.read("read errors of " + key, h -> AttemptRows.errors(h, key));
  }

  /** For each model of a run, how many calls failed with each failure, retried ones included. */
  public Map<String, Map<CallFailure, Integer>> errorCounts(String runId) {
    return database.read("count errors of run " + runId, h -> {
      Map<String, Map<CallFailure, Integer>> counts = new LinkedHashMap<>();
      h.list("SELECT model_name, failure, COUNT(*) AS n FROM attempt_errors WHERE run_id = ?"
              + " GROUP BY model_name, failure ORDER BY model_name, failure",
          r -> counts.computeIfAbsent(r.text("model_name"), m -> new LinkedHashMap<>())
              .put(CallFailure.valueOf(r.text("failure")), r.integer("n")),
          runId);
      return counts;
    });
  }

  /** Closes the database when the store opened it. */
  @Override
  public void close() {
    if (ownsDatabase) {
      database.close();
    }
  }
}
