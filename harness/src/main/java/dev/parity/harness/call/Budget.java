package dev.parity.harness.call;

import java.util.Locale;
import java.util.Optional;

/**
 * What a run or a grading pass may spend, shared by every call it makes: work reserves its worst
 * case before it starts, each answer's cost is charged to its reservation as it arrives, and what
 * a reservation did not spend goes back when it is closed.
 *
 * <p>Thread-safe: every method holds the budget's monitor, so a decision to start work sees what
 * was paid and what every open piece of work may still cost.
 */
public final class Budget {
  private final Double limitUsd;
  private double paidUsd;
  private double reservedUsd;

  private Budget(Double limitUsd, double paidUsd) {
    if (limitUsd != null && (limitUsd.isNaN() || limitUsd < 0)) {
      throw new IllegalArgumentException("a budget must be 0 or more, was " + limitUsd);
    }
    this.limitUsd = limitUsd;
    this.paidUsd = paidUsd;
  }

  /** A budget without a limit: it only counts what was paid. */
  public static Budget unlimited() {
    return new Budget(null, 0);
  }

  /**
   * A budget of {@code limitUsd} (null for no limit) of which {@code paidUsd} was spent before (by
   * the attempts a resumed run made earlier).
   */
  public static Budget of(Double limitUsd, double paidUsd) {
    return new Budget(limitUsd, paidUsd);
  }

  /**
   * Reserves {@code worstCaseUsd} for one piece of work (an attempt): granted when what was paid,
   * what open work reserved and this worst case fit in the limit.
   *
   * @return the reservation, or empty when it does not fit
   */
  public synchronized Optional<Reservation> reserve(double worstCaseUsd) {
    if (worstCaseUsd < 0) {
      throw new IllegalArgumentException("a worst case must be 0 or more, was " + worstCaseUsd);
    }
    if (limitUsd != null && paidUsd + reservedUsd + worstCaseUsd > limitUsd) {
      return Optional.empty();
    }
    reservedUsd += worstCaseUsd;
    return Optional.of(new Reservation(worstCaseUsd, true));
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
  public synchronized double paidUsd() {
    return paidUsd;
  }

  /** The limit, or null without one. */
  public Double limitUsd() {
    return limitUsd;
  }

  /** Whether nothing more may start: the limit is reached. */
  public synchronized boolean usedUp() {
    return limitUsd != null && paidUsd + reservedUsd >= limitUsd;
  }

  @Override
  public synchronized String toString() {
    return String.format(Locale.ROOT, "Budget[paid=%.4f, reserved=%.4f, limit=%s]", paidUsd, reservedUsd, limitUsd);
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
      synchronized (Budget.this) {
        return !closed && (sized || !usedUp());
      }
    }

    /** Charges what a call cost. */
    public void charge(double usd) {
      synchronized (Budget.this) {
        paidUsd += usd;
        double released = Math.min(usd, held);
        held -= released;
        reservedUsd -= released;
      }
    }

    /** Gives back what was reserved and not spent; later calls are refused. Idempotent. */
    @Override
    public void close() {
      synchronized (Budget.this) {
        if (!closed) {
          closed = true;
          reservedUsd -= held;
          held = 0;
        }
      }
    }
  }
}
