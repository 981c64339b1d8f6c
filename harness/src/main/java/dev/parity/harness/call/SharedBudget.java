package dev.parity.harness.call;

import dev.parity.store.Database;
import dev.parity.store.Handle;
import dev.parity.store.StoreException;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A {@link Budget}'s ledger in a PostgreSQL store, shared by every worker of a run or a grading
 * pass: one row of {@code shared_budgets} (migration {@code V1_8__shared_limits.sql}) with what was
 * paid and what open work reserved. Reserving is one conditional {@code UPDATE} (the limit checked
 * against the row as it is when the row's lock is taken), so two workers never both take the last
 * of a budget; {@link Budget#reserve(Handle, double)} does it inside the transaction that claims
 * work, which must be on this ledger's database. Thread-safe.
 */
public final class SharedBudget implements Budget.Ledger {
  private static final String RESERVE = "UPDATE shared_budgets SET reserved_usd = reserved_usd + ?"
      + " WHERE budget = ? AND (limit_usd IS NULL OR paid_usd + reserved_usd + ? <= limit_usd)";
  private static final String CHARGE = "UPDATE shared_budgets SET paid_usd = paid_usd + ?,"
      + " reserved_usd = GREATEST(0, reserved_usd - ?) WHERE budget = ?";
  private static final String RELEASE = "UPDATE shared_budgets SET reserved_usd = GREATEST(0, reserved_usd - ?)"
      + " WHERE budget = ?";
  private static final String OPEN = "INSERT INTO shared_budgets (budget, limit_usd, paid_usd) VALUES (?, ?, ?)"
      + " ON CONFLICT (budget) DO UPDATE SET limit_usd = excluded.limit_usd,"
      + " paid_usd = GREATEST(shared_budgets.paid_usd, excluded.paid_usd)";

  private final Database database;
  private final String key;

  private SharedBudget(Database database, String key) {
    this.database = database;
    this.key = key;
  }

  /**
   * Budgets kept in {@code database}: opening one creates its row or joins it (a later opener's
   * limit replaces the row's; what was paid is the larger of the row's and the opener's).
   */
  public static Budget.Source source(Database database) {
    if (!"postgresql".equals(database.dialect().name())) {
      throw new StoreException("a budget shared between workers needs a PostgreSQL store, not " + database.name()
          + ": one process on SQLite keeps its budget in memory", null);
    }
    return (key, limitUsd, paidUsd) -> {
      Objects.requireNonNull(key, "key");
      database.read("open the budget " + key, handle -> handle.update(OPEN, key, limitUsd, paidUsd));
      return new Budget(limitUsd, new SharedBudget(database, key));
    };
  }

  /**
   * Reserves {@code worstCaseUsd} of the budget {@code key} on {@code handle}, inside the caller's
   * transaction (the one that claims the work): the reservation commits or rolls back with the
   * claim. Hand the amount to {@link Budget#adopt} once the work is claimed.
   *
   * @return whether it fit in the limit; nothing is reserved when it did not
   */
  public static boolean reserve(Handle handle, String key, double worstCaseUsd) throws SQLException {
    return handle.update(RESERVE, worstCaseUsd, key, worstCaseUsd) == 1;
  }

  @Override
  public boolean reserve(Handle handle, double worstCaseUsd) throws SQLException {
    return reserve(handle, key, worstCaseUsd);
  }

  /**
   * Gives back {@code usd} reserved in the budget {@code key}, inside the caller's transaction: for
   * work whose worker died (its lease expired) with its reservation open.
   */
  public static void release(Handle handle, String key, double usd) throws SQLException {
    handle.update(RELEASE, usd, key);
  }

  @Override
  public boolean reserve(double worstCaseUsd) {
    return database.read("reserve " + worstCaseUsd + " USD of the budget " + key,
        handle -> reserve(handle, key, worstCaseUsd));
  }

  @Override
  public void charge(double usd, double releasedUsd) {
    if (usd == 0 && releasedUsd == 0) {
      return;
    }
    database.read("charge the budget " + key, handle -> handle.update(CHARGE, usd, releasedUsd, key));
  }

  @Override
  public void release(double usd) {
    if (usd > 0) {
      database.read("release a reservation of the budget " + key, handle -> { release(handle, key, usd); return null; });
    }
  }

  @Override
  public double paidUsd() {
    return read("paid_usd");
  }

  @Override
  public double reservedUsd() {
    return read("reserved_usd");
  }

  @Override
  public double committedUsd() {
    return read("paid_usd + reserved_usd");
  }

  private double read(String what) {
    return database.read("read the budget " + key, handle -> handle.first(
        "SELECT " + what + " FROM shared_budgets WHERE budget = ?", row -> row.real(1), key))
        .orElseThrow(() -> new StoreException("the budget " + key + " is gone from " + database.name(), null));
  }
}
