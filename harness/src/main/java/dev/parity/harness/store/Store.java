package dev.parity.harness.store;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The store of runs and attempts: an SQLite database in one file, with a content-addressed
 * {@link BlobStore} beside it ({@code <file>.blobs/}) for deliverables, answers and transcripts.
 *
 * <p>{@link #open} runs every module's migrations found on the classpath under
 * {@code db/migration/} before anything else (see {@code docs/design/0001-store.md}). Every write
 * is one transaction, so a process killed at any moment leaves the store as it was after the last
 * completed write. The SQL is portable (it will serve PostgreSQL unchanged).
 *
 * <p>Safe to use from many threads: calls are serialised on one connection, which is what SQLite
 * allows for writers anyway. Close it when done.
 */
public final class Store implements AutoCloseable {
  private final Path file;
  private final Connection connection;
  private final BlobStore blobs;
  private final ReentrantLock lock = new ReentrantLock();
  private final Queue<PendingRecord> pending = new ConcurrentLinkedQueue<>();

  private Store(Path file, Connection connection, BlobStore blobs) {
    this.file = file;
    this.connection = connection;
    this.blobs = blobs;
  }

  /**
   * Opens (creating it if needed) the database in {@code file} and brings its schema up to date.
   *
   * @throws StoreException when the file cannot be opened or a migration fails
   */
  public static Store open(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String url = "jdbc:sqlite:" + absolute
        + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true";
    try {
      Files.createDirectories(absolute.getParent());
      migrate(url);
      Connection connection = DriverManager.getConnection(url);
      connection.setAutoCommit(false);
      return new Store(absolute, connection, new BlobStore(blobFolder(absolute)));
    } catch (SQLException | java.io.IOException | FlywayException e) {
      throw new StoreException("cannot open the store " + absolute + ": " + e.getMessage(), e);
    }
  }

  /** The blob folder of the database in {@code file}: {@code <file>.blobs} beside it. */
  public static Path blobFolder(Path file) {
    return file.resolveSibling(file.getFileName() + ".blobs");
  }

  private static void migrate(String url) {
    // One history table for every module; each module numbers its migrations in its own range
    // (harness 1.x, graders 2.x, reports 3.x), so a module's later migration may come "out of
    // order" after another module's higher version: that is expected, not an error.
    Flyway.configure(Store.class.getClassLoader())
        .dataSource(url, null, null)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** The blob store beside the database. */
  public BlobStore blobs() {
    return blobs;
  }

  /** Records a new run, its models and every attempt it will make (all pending), in one transaction. */
  public void createRun(Run run, List<AttemptKey> attempts) {
    write(() -> "create run " + run.id(), () -> {
      RunRows.insert(connection, run);
      AttemptRows.insertPending(connection, attempts);
    });
  }

  /**
   * Adds pending attempts to a run, with their model after the run's others if the run does not
   * have it yet, in one transaction. Used to bring in answers made outside a run (an import).
   *
   * @throws StoreException when the run does not exist or one of the attempts does already
   */
  public void addAttempts(String runId, ModelConfig model, List<AttemptKey> attempts) {
    write(() -> "add attempts of " + model.name() + " to run " + runId, () -> {
      RunRows.addModelIfAbsent(connection, runId, model);
      AttemptRows.insertPending(connection, attempts);
    });
  }

  /** The run with this id, with its models. */
  public Optional<Run> findRun(String id) {
    return read(() -> "read run " + id, () -> RunRows.find(connection, id));
  }

  /** Every run, the most recently started first. */
  public List<Run> runs() {
    return read(() -> "list runs", () -> RunRows.all(connection));
  }

  /**
   * Marks a run as running again from {@code at}, with the model settings it now runs with (a
   * resume may change limits and prices, never what identifies a model's answers).
   */
  public void restartRun(String runId, Instant at, List<ModelConfig> models) {
    write(() -> "restart run " + runId, () -> RunRows.restart(connection, runId, at, models));
  }

  /** Records how and when a run ended. */
  public void endRun(String runId, RunStatus status, String stopReason, Instant at) {
    write(() -> "end run " + runId, () -> RunRows.end(connection, runId, status, stopReason, at));
  }

  /** Every attempt of a run, by model order, task id and sample. */
  public List<Attempt> attempts(String runId) {
    return read(() -> "read attempts of run " + runId, () -> AttemptRows.ofRun(connection, runId));
  }

  /**
   * Records an attempt's result with its files and the errors of its calls, all in one
   * transaction, and returns once it is committed. The attempt must exist (created pending with its
   * run).
   *
   * <p>Attempts recorded by several threads at once are committed together (group commit): the
   * thread that holds the connection writes every attempt waiting, in one transaction, so that
   * many attempts ending at once do not queue for a commit each. Each attempt is still whole or
   * absent, and a caller returns only after its own attempt is committed. If the group's
   * transaction fails, each attempt is written again on its own, so one bad attempt fails alone.
   */
  public void record(Attempt attempt, List<AttemptFile> files, List<CallError> errors) {
    PendingRecord mine = new PendingRecord(attempt, files, errors);
    pending.add(mine);
    lock.lock();
    try {
      if (!mine.written) {
        writePending();
      }
    } finally {
      lock.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
  }

  /** An attempt waiting to be committed; its fields are guarded by the lock. */
  private static final class PendingRecord {
    final Attempt attempt;
    final List<AttemptFile> files;
    final List<CallError> errors;
    boolean written;
    StoreException failure;

    PendingRecord(Attempt attempt, List<AttemptFile> files, List<CallError> errors) {
      this.attempt = attempt;
      this.files = files;
      this.errors = errors;
    }
  }

  /** Writes every pending attempt in one transaction, or each alone if that fails. Holds the lock. */
  private void writePending() {
    List<PendingRecord> group = new ArrayList<>();
    for (PendingRecord next = pending.poll(); next != null; next = pending.poll()) {
      group.add(next);
    }
    try {
      for (PendingRecord record : group) {
        AttemptRows.record(connection, record.attempt, record.files, record.errors);
      }
      connection.commit();
      group.forEach(record -> record.written = true);
    } catch (SQLException | RuntimeException e) {
      rollback(e);
      for (PendingRecord record : group) {
        try {
          write(() -> "record attempt " + record.attempt.key(),
              () -> AttemptRows.record(connection, record.attempt, record.files, record.errors));
        } catch (StoreException failure) {
          record.failure = failure;
        }
        record.written = true;
      }
    }
  }

  /** The earliest ended attempt, in any run, whose answer came from the request {@code cacheKey}. */
  public Optional<Attempt> findCachedAnswer(String cacheKey) {
    return read(() -> "look up the answer cache", () -> AttemptRows.cached(connection, cacheKey));
  }

  /**
   * The cache key of every answer {@link #findCachedAnswer} can serve, so that a run asks the
   * database only about requests it has an answer for.
   */
  public Set<String> cachedAnswerKeys() {
    return read(() -> "read the answer cache's keys", () -> AttemptRows.cachedKeys(connection));
  }

  /** The files of an attempt's deliverable, by name. */
  public List<AttemptFile> files(AttemptKey key) {
    return read(() -> "read files of " + key, () -> AttemptRows.files(connection, key));
  }

  /** The failed calls of an attempt, in order. */
  public List<CallError> errors(AttemptKey key) {
    return read(() -> "read errors of " + key, () -> AttemptRows.errors(connection, key));
  }

  /** For each model of a run, how many calls failed with each failure, retried ones included. */
  public Map<String, Map<CallFailure, Integer>> errorCounts(String runId) {
    return read(() -> "count errors of run " + runId, () -> {
      Map<String, Map<CallFailure, Integer>> counts = new LinkedHashMap<>();
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT model_name, failure, COUNT(*) AS n FROM attempt_errors WHERE run_id = ?"
              + " GROUP BY model_name, failure ORDER BY model_name, failure")) {
        statement.setString(1, runId);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            counts.computeIfAbsent(rows.getString("model_name"), m -> new LinkedHashMap<>())
                .put(CallFailure.valueOf(rows.getString("failure")), rows.getInt("n"));
          }
        }
      }
      return counts;
    });
  }

  /**
   * Work on another module's own tables (their migrations live beside this module's under
   * {@code db/migration/}): runs {@code work} on the store's connection in one transaction, under
   * the store's lock, committing at the end or rolling back if it throws.
   *
   * @param what what the work does, for the error message, e.g. {@code "record judgment"}
   * @throws StoreException wrapping an SQL error, naming {@code what} and the database
   */
  public <T> T transaction(String what, Jdbc<T> work) {
    lock.lock();
    try {
      T result = work.apply(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollback(e);
      throw e instanceof StoreException s ? s
          : new StoreException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** SQL work on the store's connection; see {@link #transaction}. */
  @FunctionalInterface
  public interface Jdbc<T> {
    T apply(Connection connection) throws SQLException;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the store " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  interface SqlWork {
    void run() throws SQLException;
  }

  interface SqlQuery<T> {
    T run() throws SQLException;
  }

  private void write(Supplier<String> what, SqlWork work) {
    lock.lock();
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollback(e);
      throw e instanceof StoreException s ? s
          : new StoreException("cannot " + what.get() + " in " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private <T> T read(Supplier<String> what, SqlQuery<T> query) {
    lock.lock();
    try {
      T result = query.run();
      // Ends the read transaction, so the WAL can be checkpointed past it.
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollback(e);
      throw new StoreException("cannot " + what.get() + " in " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private void rollback(Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Builds a list from a query's rows. */
  interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  static <T> List<T> list(PreparedStatement statement, RowReader<T> reader) throws SQLException {
    List<T> result = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        result.add(reader.read(rows));
      }
    }
    return result;
  }
}
