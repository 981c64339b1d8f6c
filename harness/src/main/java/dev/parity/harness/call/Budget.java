package dev.parity.harness.call;

import dev.parity.store.Handle;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a run or a grading pass may spend, shared by every call it makes: work reserves its worst
 * case before it starts, each answer's cost is charged to its reservation as it arrives, and what
 * a reservation did not spend goes back when it is closed.
 *
 * <p>What was paid and reserved is counted in a {@link Ledger}: in this process's memory
 * ({@link #of}), or in the database for every worker of a run ({@link SharedBudget}). Either way a
 * decision to start work sees, atomically, what was paid and what every open piece of work may
 * still cost. Thread-safe.
 */
public final class Budget {
  private final Double limitUsd;
  private final Ledger ledger;

  /**
   * Where a budget's money is counted. Every method is atomic: {@link #reserve} checks and reserves
   * in one step.
   */
  interface Ledger {
    /** Reserves {@code worstCaseUsd} when paid, reserved and it fit in the limit; false otherwise. */
    boolean reserve(double worstCaseUsd);

    /**
     * Reserves as {@link #reserve(double)} does, inside the transaction on {@code handle}: a ledger
     * in that database reserves there; one in memory reserves in memory, at once.
     */
    default boolean reserve(Handle handle, double worstCaseUsd) throws SQLException {
      return reserve(worstCaseUsd);
    }

    /** Adds {@code usd} to what was paid and takes {@code releasedUsd} off what is reserved. */
    void charge(double usd, double releasedUsd);

    /** Takes {@code usd} off what is reserved. */
    void release(double usd);

    double paidUsd();

    double reservedUsd();

    /** What was paid and what is reserved, read together. */
    double committedUsd();
  }

  /** Makes the budget of a run or a grading pass. */
  @FunctionalInterface
  public interface Source {
    /**
     * The budget named {@code key} (a run's: {@code run RUN_ID}), of {@code limitUsd} (null for no
     * limit), of which {@code paidUsd} was spent before (by the attempts a resumed run made earlier).
     */
    Budget open(String key, Double limitUsd, double paidUsd);
  }

  /** Budgets in this process's memory, as for one {@code parity run}. */
  public static final Source IN_MEMORY = (key, limitUsd, paidUsd) -> of(limitUsd, paidUsd);

  Budget(Double limitUsd, Ledger ledger) {
    if (limitUsd != null && (limitUsd.isNaN() || limitUsd < 0)) {
      throw new IllegalArgumentException("a budget must be 0 or more, was " + limitUsd);
    }
    this.limitUsd = limitUsd;
    this.ledger = ledger;
  }

  /** A budget without a limit: it only counts what was paid. */
  public static Budget unlimited() {
    return of(null, 0);
  }

  /**
   * A budget of {@code limitUsd} (null for no limit) of which {@code paidUsd} was spent before (by
   * the attempts a resumed run made earlier), counted in memory.
   */
  public static Budget of(Double limitUsd, double paidUsd) {
    return new Budget(limitUsd, new Counted(limitUsd, paidUsd));
  }

  /**
   * Reserves {@code worstCaseUsd} for one piece of work (an attempt): granted when what was paid,
   * what open work reserved and this worst case fit in the limit.
   *
   * @return the reservation, or empty when it does not fit
   */
  public Optional<Reservation> reserve(double worstCaseUsd) {
    if (worstCaseUsd < 0) {
      throw new IllegalArgumentException("a worst case must be 0 or more, was " + worstCaseUsd);
    }
    if (limitUsd == null) {
      // No limit to check against: nothing is set aside, and a shared ledger (one row every worker
      // of the run locks) is spared a round trip per attempt; what is paid is still counted.
      return Optional.of(new Reservation(0, true));
    }
    return ledger.reserve(worstCaseUsd) ? Optional.of(new Reservation(worstCaseUsd, true)) : Optional.empty();
  }

  /**
   * Reserves {@code worstCaseUsd} for one piece of work as {@link #reserve(double)} does, inside the
   * transaction on {@code handle} that claims the work: a budget shared in that database ({@link
   * SharedBudget}) reserves in the transaction, so the reservation commits or rolls back with the
   * claim and two workers never both claim the budget's last. A budget in memory reserves at once
   * (if the claim then fails, so does its run). Once the claim committed, start the work with
   * {@link #adopt}, or close an adopted reservation to give back the money of work not started.
   *
   * @return whether it fit; nothing is reserved when it did not
   */
  public boolean reserve(Handle handle, double worstCaseUsd) throws SQLException {
    if (worstCaseUsd < 0) {
      throw new IllegalArgumentException("a worst case must be 0 or more, was " + worstCaseUsd);
    }
    // As reserve(double): without a limit nothing is set aside, and the shared row is spared.
    return limitUsd == null || ledger.reserve(handle, worstCaseUsd);
  }

  /**
   * The reservation of {@code worstCaseUsd} that {@link #reserve(Handle, double)} set aside already,
   * in the transaction that claimed the work.
   */
  public Reservation adopt(double worstCaseUsd) {
    return new Reservation(limitUsd == null ? 0 : worstCaseUsd, true);
  }

  /**
   * A reservation for work whose cost is not known in advance (a judge without a price): it holds
   * nothing, and each of its calls is allowed while less than the limit was spent.
   */
  public Reservation unsized() {
    return new Reservation(0, false);
  }

  /** A reservation that never stops a call, for work outside any budget. */
  public static Reservation unlimitedReservation() {
    return unlimited().unsized();
  }

  /** What was paid so far, before included. */
  public double paidUsd() {
    return ledger.paidUsd();
  }

  /** The limit, or null without one. */
  public Double limitUsd() {
    return limitUsd;
  }

  /** Whether nothing more may start: the limit is reached. */
  public boolean usedUp() {
    return limitUsd != null && ledger.committedUsd() >= limitUsd;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Budget[paid=%.4f, reserved=%.4f, limit=%s]", ledger.paidUsd(),
        ledger.reservedUsd(), limitUsd);
  }

  /** A ledger in memory: every method holds its monitor. */
  private static final class Counted implements Ledger {
    private final Double limitUsd;
    private double paidUsd;
    private double reservedUsd;

    Counted(Double limitUsd, double paidUsd) {
      this.limitUsd = limitUsd;
      this.paidUsd = paidUsd;
    }

    @Override
    public synchronized boolean reserve(double worstCaseUsd) {
      if (limitUsd != null && paidUsd + reservedUsd + worstCaseUsd > limitUsd) {
        return false;
      }
      reservedUsd += worstCaseUsd;
      return true;
    }

    @Override
    public synchronized void charge(double usd, double releasedUsd) {
      paidUsd += usd;
      reservedUsd -= releasedUsd;
    }

    @Override
    public synchronized void release(double usd) {
      reservedUsd -= usd;
    }

    @Override
    public synchronized double paidUsd() {
      return paidUsd;
    }

    @Override
    public synchronized double reservedUsd() {
      return reservedUsd;
    }

    @Override
    public synchronized double committedUsd() {
      return paidUsd + reservedUsd;
    }
  }

  /**
   * Money set aside for one piece of work. A sized reservation (an attempt's worst case) allows
   * every call of its work; an unsized one allows a call while the budget is not used up. Charging
   * an answer's cost moves it from reserved to paid; {@link #close} gives back the rest and must be
   * called once the work ended, whatever happened.
   */
  public final class Reservation implements AutoCloseable {
    private final boolean sized;
    private double held;
    private boolean closed;

    private Reservation(double held, boolean sized) {
      this.held = held;
      this.sized = sized;
    }

    /** Whether the work may make another call now. */
    public boolean allowsACall() {
      synchronized (this) {
        if (closed) {
          return false;
        }
      }
      return sized || !usedUp();
    }

    /** Charges what a call cost. */
    public void charge(double usd) {
      double released;
      synchronized (this) {
        released = Math.min(usd, held);
        held -= released;
      }
      ledger.charge(usd, released);
    }

    /** Gives back what was reserved and not spent; later calls are refused. Idempotent. */
    @Override
    public void close() {
      double rest;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        rest = held;
        held = 0;
      }
      ledger.release(rest);
    }
  }
}
