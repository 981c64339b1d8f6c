package dev.parity.judgments;

import java.util.Optional;

/**
 * How the contestant's deliverable was shown to the grader who judged it: on which {@link Side} a
 * human grader saw it, or — for a model judge asked in both orders — the raw outcome each {@link
 * Order} gave, from which the judgment's outcome is derived. Parts not known are null, as in a
 * judgment imported from a version-1 file ({@link #UNKNOWN}).
 *
 * @param side where a human grader saw the contestant's deliverable; null for a model judge or
 *     when unknown
 * @param shownFirst a model judge's outcome, from the contestant's side, when its deliverable was
 *     shown first; null when not asked or unknown
 * @param shownSecond the same when it was shown second
 */
public record Showing(Side side, Outcome shownFirst, Outcome shownSecond) {
  /** Nothing known about how the deliverable was shown. */
  public static final Showing UNKNOWN = new Showing(null, null, null);

  public Showing {
    if (side != null && (shownFirst != null || shownSecond != null)) {
      throw new IllegalArgumentException("a deliverable shown to a human on a side (" + side.id()
          + ") is not also shown in a judge call's order");
    }
  }

  /** Shown to a human grader on {@code side}. */
  public static Showing onSide(Side side) {
    return new Showing(java.util.Objects.requireNonNull(side, "side"), null, null);
  }

  /** Shown to a model judge in both orders, with each order's outcome from the contestant's side. */
  public static Showing inBothOrders(Outcome shownFirst, Outcome shownSecond) {
    return new Showing(null, java.util.Objects.requireNonNull(shownFirst, "shownFirst"),
        java.util.Objects.requireNonNull(shownSecond, "shownSecond"));
  }

  /** The outcome of the judge call that showed the contestant's deliverable in {@code order}, when known. */
  public Optional<Outcome> outcome(Order order) {
    return Optional.ofNullable(order == Order.FIRST ? shownFirst : shownSecond);
  }

  /** Whether anything is known. */
  public boolean isKnown() {
    return side != null || shownFirst != null || shownSecond != null;
  }
}
