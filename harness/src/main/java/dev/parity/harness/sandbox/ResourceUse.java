package dev.parity.harness.sandbox;

/**
 * What sandboxed programs used: CPU time (user and system) and peak resident memory. For one call,
 * the sum of its processes' CPU and the largest peak of any of them; over several calls,
 * {@link #plus} sums the CPU and keeps the largest peak.
 *
 * @param cpuMillis CPU seconds used, in milliseconds (GNU time reports hundredths of a second)
 * @param peakMemoryKb the largest resident set of one process, in KiB
 */
public record ResourceUse(long cpuMillis, long peakMemoryKb) {
  public ResourceUse {
    if (cpuMillis < 0 || peakMemoryKb < 0) {
      throw new IllegalArgumentException("resource use cannot be negative: " + cpuMillis + " ms, " + peakMemoryKb
          + " KiB");
    }
  }

  /** This use and {@code other}'s, made one after the other: CPU added, the larger peak; null counts as nothing. */
  public ResourceUse plus(ResourceUse other) {
    return other == null ? this
        : new ResourceUse(cpuMillis + other.cpuMillis, Math.max(peakMemoryKb, other.peakMemoryKb));
  }
}
