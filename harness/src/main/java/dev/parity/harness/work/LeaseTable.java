package dev.parity.harness.work;

import dev.parity.store.Handle;
import dev.parity.store.Row;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The lease arithmetic of one table of work units on PostgreSQL, shared by a run's attempts ({@link
 * WorkQueue}, {@code work_units}) and grading passes' judgments ({@code judgment_work}): units are
 * claimed with {@code SELECT … FOR UPDATE SKIP LOCKED} under a lease that the worker renews, marked
 * done under the latest claim only, and given back pending. Every method runs on the caller's
 * {@link Handle}, in the caller's transaction. Design: docs/teams.md#leases.
 *
 * <p>The table has the columns {@code state} ({@code pending}, {@code leased}, {@code done}),
 * {@code worker}, {@code lease_token} (counts the claims), {@code lease_until_ms} (epoch millis of
 * the claiming worker's clock) and {@code expired_leases} (claims taken over from a holder whose
 * lease ran out), and a unit is named by its key: its {@code scope} columns (what one claim draws
 * from: a run's model, a grading job), then its {@code unit} columns. Thread-safe; holds no
 * connection.
 *
 * @param <K> what names a unit: its whole key
 */
public final class LeaseTable<K> {
  static final String PENDING = "pending";
  static final String LEASED = "leased";
  static final String DONE = "done";

  /** How a unit's key is read from its columns and written to them. */
  public interface Key<K> {
    /** The key in the row's first columns: the scope columns, then the unit columns, in their order. */
    K read(Row row) throws SQLException;

    /** The values of the scope columns, then of the unit columns, for {@code key}. */
    List<Object> values(K key);
  }

  /**
   * One worker's hold on one unit, valid while renewed and while nobody claimed it again.
   *
   * @param token which claim of the unit this is (1 for the first); a unit is done only under the latest
   * @param takenOver whether the claim took the unit from a holder whose lease had run out
   */
  public record Held<K>(K key, String worker, long token, boolean takenOver) {
    public Held {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(worker, "worker");
    }
  }

  /** Where one scope's units stand: counts of pending, leased and done ones, and expired leases. */
  public record Counts(int pending, int leased, int done, int expiredLeases) {}

  private final String table;
  private final List<String> scope;
  private final List<String> keyColumns;
  private final Key<K> key;
  private final String units;
  private final Clock clock;
  private final Duration lease;
  private final String worker;

  /**
   * A table whose claims take the first free units of a scope in the order of their unit columns.
   * The table needs an index on its scope and unit columns over the rows not done ({@code WHERE
   * state <> 'done'}) and one on the worker over the rows held ({@code WHERE state = 'leased'}),
   * migrations V1_10 and V2_9: a claim then reads the free units it takes and the ones held, never
   * the done ones, however many there are, and a renewal reads the units its worker holds.
   */
  public LeaseTable(String table, List<String> scope, List<String> unitColumns, Key<K> key, Clock clock,
      Duration lease, String worker) {
    if (lease == null || lease.toMillis() < 3) {
      throw new IllegalArgumentException("a lease must be positive (at least 3 ms), not " + lease);
    }
    this.table = Objects.requireNonNull(table, "table");
    this.scope = List.copyOf(scope);
    List<String> columns = new ArrayList<>(scope);
    columns.addAll(unitColumns);
    this.keyColumns = List.copyOf(columns);
    this.key = Objects.requireNonNull(key, "key");
    this.units = String.join(", ", unitColumns);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lease = lease;
    this.worker = Objects.requireNonNull(worker, "worker");
  }

  /** The worker whose leases these are. */
  public String worker() {
    return worker;
  }

  /** How long a claim holds a unit unless renewed. */
  public Duration lease() {
    return lease;
  }

  /**
   * Claims up to {@code max} units of the scope {@code scopeValues} for this worker: pending ones,
   * and held ones whose lease ran out (taken over, and counted as expired leases). Units another
   * transaction is claiming at the same moment are skipped, never waited for, never given to two
   * workers.
   */
  public List<Held<K>> claim(Handle h, List<Object> scopeValues, int max) throws SQLException {
    long now = clock.millis();
    List<Object> parameters = new ArrayList<>(scopeValues);
    parameters.addAll(List.of(PENDING, LEASED, now, max, LEASED, worker, now + lease.toMillis(), LEASED));
    // The claimed rows are chosen once, in a materialized CTE: as a subquery in FROM the planner may
    // rescan it once per row of a nested-loop join, and each rescan (skipping the rows this statement
    // already locked) would claim the next `max` rows, so one claim took every unit of a scope.
    // The literal `state <> 'done'` and the order are what let the planner walk the index of the
    // rows not done: without them it scanned the done rows too, in every claim (a seq scan or the
    // whole scope in an index), which made a run's claims quadratic in its size.
    return h.list("WITH c AS MATERIALIZED (SELECT " + String.join(", ", keyColumns) + ", state AS was"
            + " FROM " + table + " WHERE " + equal(scope) + " AND state <> '" + DONE + "'"
            + " AND (state = ? OR state = ? AND lease_until_ms < ?) ORDER BY " + units + " LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " UPDATE " + table + " w SET state = ?, worker = ?, lease_token = w.lease_token + 1, lease_until_ms = ?,"
            + " expired_leases = w.expired_leases + CASE WHEN w.state = ? THEN 1 ELSE 0 END FROM c WHERE "
            + keyColumns.stream().map(c -> "w." + c + " = c." + c).collect(Collectors.joining(" AND "))
            + " RETURNING " + keyColumns.stream().map(c -> "w." + c).collect(Collectors.joining(", "))
            + ", w.lease_token, c.was",
        r -> new Held<>(key.read(r), worker, r.bigint(keyColumns.size() + 1),
            LEASED.equals(r.text(keyColumns.size() + 2))),
        parameters.toArray());
  }

  /** Extends every lease this worker holds in the table to a full lease from now; returns how many it holds. */
  public int renew(Handle h) throws SQLException {
    // The literal state lets the planner use the index of the units held (V1_10, V2_9).
    return h.update("UPDATE " + table + " SET lease_until_ms = ? WHERE worker = ? AND state = '" + LEASED + "'",
        clock.millis() + lease.toMillis(), worker);
  }

  /**
   * Marks {@code held} done, for the transaction that records its result: false, changing nothing,
   * when the lease is no longer the unit's latest (it ran out and another worker claimed the unit),
   * and the caller must then record nothing.
   */
  public boolean complete(Handle h, Held<K> held) throws SQLException {
    return h.update(completion(held)) == 1;
  }

  /**
   * The statement that marks {@code held} done, for a caller that runs it with others (one batch
   * for a group of units recorded together): it changes one row while the lease is the unit's
   * latest, and none once it is not.
   */
  public Handle.Update completion(Held<K> held) {
    return new Handle.Update("UPDATE " + table + " SET state = ?, lease_until_ms = NULL WHERE " + heldBy(),
        withKey(List.of(DONE), held));
  }

  /** Gives units back pending, for any worker to claim at once; nothing for those no longer held under these leases. */
  public void giveBack(Handle h, List<Held<K>> held) throws SQLException {
    h.batch("UPDATE " + table + " SET state = ?, worker = NULL, lease_until_ms = NULL WHERE " + heldBy(),
        held.stream().map(l -> withKey(List.of(PENDING), l).toArray()).toList());
  }

  /**
   * Where the units of the scope {@code scopeValues} stand: the values of its first scope columns
   * (of a run: all its models' attempts; of a run's model: that model's).
   */
  public Counts counts(Handle h, List<Object> scopeValues) throws SQLException {
    List<Object> parameters = new ArrayList<>(List.of(PENDING, LEASED, DONE));
    parameters.addAll(scopeValues);
    return h.first("SELECT COALESCE(SUM(CASE WHEN state = ? THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN state = ? THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN state = ? THEN 1 ELSE 0 END), 0), COALESCE(SUM(expired_leases), 0)"
            + " FROM " + table + " WHERE " + equal(scope.subList(0, scopeValues.size())),
        r -> new Counts(r.integer(1), r.integer(2), r.integer(3), r.integer(4)), parameters.toArray()).orElseThrow();
  }

  /** The condition that a row is the held unit, still leased by its holder under its token. */
  private String heldBy() {
    return equal(keyColumns) + " AND state = ? AND worker = ? AND lease_token = ?";
  }

  private List<Object> withKey(List<Object> first, Held<K> held) {
    List<Object> values = new ArrayList<>(first);
    values.addAll(key.values(held.key()));
    values.addAll(List.of(LEASED, held.worker(), held.token()));
    return values;
  }

  private static String equal(List<String> columns) {
    return columns.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
  }
}
