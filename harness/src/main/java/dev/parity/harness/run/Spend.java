package dev.parity.harness.run;

import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptCost;
import java.util.Locale;

/**
 * What attempts cost, with the answers whose price is unknown counted apart, shown by the
 * project's one rule for small print (docs/models.md, "Unknown costs and token counts"): an
 * unknown is shown as unknown, never as {@code $0.00}.
 *
 * @param knownUsd the sum of the costs that are known, cache hits counting nothing
 * @param unknown how many answers have no known cost (the model has no price)
 */
public record Spend(double knownUsd, int unknown) {
  /** Nothing spent. */
  public static final Spend NONE = new Spend(0, 0);

  public Spend {
    if (unknown < 0) {
      throw new IllegalArgumentException("unknown must not be negative, was " + unknown);
    }
  }

  /** What {@code attempt} cost the run: a cache hit nothing, an answer without a price unknown. */
  public static Spend of(Attempt attempt) {
    return of(AttemptCost.of(attempt));
  }

  /** What an attempt that cost {@code cost} adds. */
  public static Spend of(AttemptCost cost) {
    return cost.unknown() ? new Spend(0, 1) : new Spend(cost.paidUsd(), 0);
  }

  /** This and {@code other} together. */
  public Spend plus(Spend other) {
    return new Spend(knownUsd + other.knownUsd, unknown + other.unknown);
  }

  /**
   * {@code $1.23} when every cost is known, {@code $1.23 + 4 unknown} when some are not, and
   * {@code unknown} when no known cost adds anything.
   */
  public String display(int decimals) {
    String known = String.format(Locale.ROOT, "$%,." + decimals + "f", knownUsd);
    if (unknown == 0) {
      return known;
    }
    return knownUsd == 0 ? "unknown" : known + " + " + unknown + " unknown";
  }
}
